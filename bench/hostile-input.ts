// How long load → validate → reconcile → map take to refuse each hostile source of
// tests/helpers/hostile.ts (files as large as the loader accepts), next to the real sources, and
// how much heap is in use after each. Results: docs/robustness.md.
//
//   npx tsx bench/hostile-input.ts          # median of 3 runs per case
//   npx tsx bench/hostile-input.ts 5        # median of 5

import { HOSTILE_CASES } from '../tests/helpers/hostile.ts';
import { makeProject, removeProjects, runStages } from '../tests/helpers/project.ts';

const repeat = Number(process.argv[2] ?? 3);
/** The real sources, all four stages: what a normal build costs before serialising. */
const real = { name: 'for comparison: the real sources (every record, all four stages)', file: '', code: '', bytes: () => Buffer.alloc(0) };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

process.stdout.write(`| case | bytes | first code | ms (median of ${repeat}) | heap MB after |\n|---|---:|---|---:|---:|\n`);
for (const c of [real, ...HOSTILE_CASES]) {
  const bytes = c.bytes();
  const root = c === real ? makeProject() : makeProject({ remove: ['sources/mechanisms'], files: { [c.file]: bytes } });
  const times: number[] = [];
  let code = '';
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const result = runStages(root);
    times.push(performance.now() - started);
    code = result.diagnostics[0]?.code ?? '(none)';
  }
  process.stdout.write(`| ${c.name} | ${bytes.length} | ${code} | ${median(times).toFixed(0)} | ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} |\n`);
  removeProjects();
}
