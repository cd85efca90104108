// How long the embedded store takes to open the release and to answer each researcher question
// (ontology/queries/), in process, after warming up: median and 95th percentile of 30 runs.
// Run: npx tsx bench/query-latency.ts [OUTPUT_DIR]

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIris } from '../pipeline/iri.ts';
import { runQuery } from '../pipeline/query/execute.ts';
import { SOLUTION_FORMATS } from '../pipeline/query/formats.ts';
import { openRelease } from '../pipeline/query/release.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 30;
const WARM_UP = 3;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const opened = performance.now();
const release = openRelease({ root: ROOT, outDir: resolve(process.argv[2] ?? join(ROOT, 'output')), base: makeIris().base });
process.stdout.write(`open the release (${release.store.size} quads): ${(performance.now() - opened).toFixed(0)} ms\n\n`);
process.stdout.write(`| query | rows | median ms | p95 ms |\n|---|---:|---:|---:|\n`);
const dir = join(ROOT, 'ontology', 'queries');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.rq')).sort()) {
  const text = readFileSync(join(dir, file), 'utf8');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const started = performance.now();
    const body = runQuery(release, text, () => SOLUTION_FORMATS.json).body;
    if (i >= WARM_UP) times.push(performance.now() - started);
    rows = (JSON.parse(body) as { results: { bindings: unknown[] } }).results.bindings.length;
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`| ${file.slice(0, -3)} | ${rows} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |\n`);
}
