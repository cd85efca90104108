// `make bench`: generates the synthetic corpora (bench/corpus.ts, under .cache/bench/, never
// committed), measures each size in a child process of its own (bench/measure.ts), and writes
// bench/report/bench.md and bench.svg, which the build then publishes as output/reports/bench.*.
//
//   make bench                          # 10k, 100k, 1M and 10M triples
//   make bench BENCH_SIZES=10k,100k,1M  # CI: without the 10M size
//   npx tsx bench/run.ts [sizes]        # the same, sizes as the first argument

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, PROJECT_ROOT, referenceNames } from './corpus.ts';
import { renderChart, renderReport } from './report.ts';
import type { BenchRun, SizeResult } from './results.ts';

/** Mechanisms per size: each has about 1,000 triples. */
export const SIZES: Record<string, number> = { '10k': 10, '100k': 100, '1M': 1000, '10M': 10_000 };

export const REPORT_DIR = join(PROJECT_ROOT, 'bench/report');
const WORK_DIR = join(PROJECT_ROOT, '.cache/bench');

export function parseSizes(spec: string | undefined): string[] {
  const labels = (spec?.trim() ? spec : Object.keys(SIZES).join(',')).split(',').map((s) => s.trim());
  for (const l of labels) if (!(l in SIZES)) throw new Error(`unknown size "${l}"; the sizes are ${Object.keys(SIZES).join(', ')}`);
  return labels;
}

async function main(): Promise<void> {
  const labels = parseSizes(process.argv[2] ?? process.env.BENCH_SIZES);
  const machine = { cpus: cpus()[0]?.model.trim() ?? 'unknown CPU', cores: availableParallelism(), memory: totalmem(), node: process.version, load: loadavg() };
  const names = referenceNames();
  const sizes: BenchRun['sizes'] = [];
  for (const label of labels) {
    process.stderr.write(`bench ${label}: corpus of ${SIZES[label]} mechanisms\n`);
    const corpus = generateCorpus(join(WORK_DIR, `corpus-${label}`), SIZES[label], names);
    const resultFile = join(WORK_DIR, `result-${label}.json`);
    execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench/measure.ts'), corpus, resultFile], { stdio: 'inherit' });
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SizeResult;
    process.stderr.write(`bench ${label}: ${result.triples} triples in ${(result.full.ms / 1000).toFixed(1)} s\n`);
    sizes.push({ label, result });
  }
  const command = labels.join(',') === Object.keys(SIZES).join(',') ? 'make bench' : `make bench BENCH_SIZES=${labels.join(',')}`;
  const run: BenchRun = { machine, command, sizes };
  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(join(REPORT_DIR, 'bench.json'), `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(join(REPORT_DIR, 'bench.md'), renderReport(run));
  writeFileSync(join(REPORT_DIR, 'bench.svg'), renderChart(run));
  process.stderr.write(`wrote ${join(REPORT_DIR, 'bench.md')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
