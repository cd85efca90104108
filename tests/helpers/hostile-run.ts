// Runs every case of hostile.ts through load → validate → reconcile → map, each in a fresh copy
// of the project, and prints one JSON line per case. tests/hostile-input.test.ts runs this file
// in a child process with a small heap, so that a case that needs more memory kills the run.

import { makeProject, removeProjects, runStages } from './project.ts';
import { HOSTILE_CASES } from './hostile.ts';

for (const c of HOSTILE_CASES) {
  const root = makeProject({ remove: ['sources/mechanisms'], files: { [c.file]: c.bytes() } });
  const started = performance.now();
  const result = runStages(root);
  const ms = performance.now() - started;
  const diagnostics = result.diagnostics.map(({ code, file, line, column }) => ({ code, file, line, column }));
  process.stdout.write(`${JSON.stringify({ name: c.name, stage: result.stage, count: diagnostics.length, first: diagnostics.slice(0, 3), unlocated: diagnostics.filter((d) => !d.file || !d.line || !d.column).length, ms: Math.round(ms), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) })}\n`);
  removeProjects();
}
