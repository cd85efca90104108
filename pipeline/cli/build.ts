// `iscm build`: load the sources, build, check and publish output/. Diagnostics go to
// stderr as `file:line:col: error code: message`; the exit code says what happened.

import { resolve } from 'node:path';
import { build } from '../build.ts';
import { BuildError, formatDiagnostic } from '../diagnostics.ts';
import { DEFAULT_BASE, makeIris } from '../iri.ts';
import { load } from '../load/index.ts';
import { acquireLock, publish } from '../publish/index.ts';

export const EXIT = { ok: 0, dataErrors: 1, usage: 2, internal: 3 } as const;

export async function runBuild(opts: { root: string; out: string; base: string; quiet?: boolean }): Promise<number> {
  const started = performance.now();
  let release: (() => void) | undefined;
  try {
    release = acquireLock(opts.out);
    const loaded = load(opts.root);
    if (!loaded.project || loaded.diagnostics.length) throw new BuildError(loaded.diagnostics);
    const result = await build(loaded.project, makeIris(opts.base));
    publish(opts.out, result.files);
    if (!opts.quiet)
      process.stderr.write(`built ${result.triples} triples into ${opts.out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof BuildError) {
      for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
      process.stderr.write(`build failed with ${e.diagnostics.length} error(s); ${opts.out} was left as it was\n`);
      return EXIT.dataErrors;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT.internal;
  } finally {
    release?.();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.env.ISCM_ROOT ?? '.');
  const code = await runBuild({
    root,
    out: resolve(root, process.env.ISCM_OUT ?? 'output'),
    base: process.env.ISCM_BASE ?? DEFAULT_BASE,
  });
  process.exit(code);
}
