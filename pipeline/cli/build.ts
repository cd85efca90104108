// `iscm build`: load the sources, build, check and publish output/. Diagnostics go to
// stderr as `file:line:col: error code: message`; the exit code says what happened.
// `make` runs this file directly, configured by ISCM_ROOT, ISCM_OUT and ISCM_BASE.

import { join, resolve } from 'node:path';
import { build } from '../build.ts';
import { CACHE_DIR } from '../cache/index.ts';
import { BuildError } from '../diagnostics.ts';
import { DEFAULT_BASE, makeIris } from '../iri.ts';
import { loadSources } from '../load/index.ts';
import { acquireLock, publishStreams } from '../publish/index.ts';
import { parseCommand } from './args.ts';
import { EXIT } from './exit.ts';
import { diagnosticsJson, writeDiagnostics } from './format-diagnostics.ts';
import { createProgress, noProgress, progressTimer } from './progress.ts';
import { baseIri, projectRoot } from './project.ts';

export const help = `Usage: iscm build [--out DIR] [--base IRI] [--json]

Builds the dataset from sources/ into output/: validate, reconcile, map, serialise, check with
SHACL, then publish. Nothing is written unless every check passes; output/ is replaced at once.

Options:
  --out DIR    where to publish (default: output/, or ISCM_OUT)
  --base IRI   base IRI of the dataset, ending in "/" (default: ${DEFAULT_BASE}, or ISCM_BASE)
  --json       print the result as one JSON object on stdout
  -h, --help   show this help

Exit codes: 0 built, 1 the data has errors (nothing written), 2 usage, 3 internal error.
`;

/** The stages a build goes through, in order, for the progress bar: load, pipeline/build.ts's stages, publish. */
export const BUILD_STAGES = ['load', 'reference', 'cache', 'records', 'shared', 'plan', 'check shared', 'ontology', 'documentation', 'publish'];

export async function runBuild(opts: {
  root: string;
  out: string;
  base: string;
  quiet?: boolean;
  json?: boolean;
  /** Worker threads for the records (pipeline/build.ts defaultWorkers when absent; 0: none). */
  workers?: number;
}): Promise<number> {
  const started = performance.now();
  const progress = opts.quiet ? noProgress : createProgress('building', BUILD_STAGES.length);
  let release: (() => void) | undefined;
  try {
    release = acquireLock(opts.out);
    progress.step('load');
    const loaded = loadSources(opts.root);
    const result = await build(
      loaded.sources,
      makeIris(opts.base),
      progressTimer(progress),
      { root: opts.root, cacheDir: join(opts.root, CACHE_DIR), workers: opts.workers },
      [...loaded.diagnostics.mechanisms, ...loaded.diagnostics.reference],
    );
    progress.step('publish');
    await publishStreams(opts.out, result.files, { gzip: result.gzip, describe: result.describe });
    progress.done();
    if (opts.json)
      process.stdout.write(`${JSON.stringify({ ok: true, out: opts.out, triples: result.triples, files: [...result.files.keys()].sort() }, null, 2)}\n`);
    if (!opts.quiet)
      process.stderr.write(`built ${result.triples} triples into ${opts.out} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return EXIT.ok;
  } catch (e) {
    progress.done();
    if (e instanceof BuildError) {
      if (opts.json) process.stdout.write(`${JSON.stringify({ ok: false, diagnostics: diagnosticsJson(e.diagnostics) }, null, 2)}\n`);
      else writeDiagnostics(e.diagnostics, opts.root);
      process.stderr.write(`build failed with ${e.diagnostics.length} error(s); ${opts.out} was left as it was\n`);
      return EXIT.dataErrors;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT.internal;
  } finally {
    release?.();
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommand(
    argv,
    { out: { type: 'string' }, base: { type: 'string' }, json: { type: 'boolean' } },
    { min: 0, max: 0, names: 'no arguments' },
  );
  const root = projectRoot();
  const out = values.out ? resolve(values.out) : resolve(root, process.env.ISCM_OUT ?? 'output');
  return runBuild({ root, out, base: baseIri(values.base), json: values.json });
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
