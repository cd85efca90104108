// `iscm check`: everything `iscm build` checks (schemas, cross-record references, reconciliation,
// SHACL), without writing anything, so that a maintainer can check an edit as often as they like
// and CI can check a change without touching output/.

import { join } from 'node:path';
import { build } from '../build.ts';
import { BuildError, type Diagnostic } from '../diagnostics.ts';
import { makeIris } from '../iri.ts';
import { loadSources } from '../load/index.ts';
import { CACHE_DIR } from '../cache/index.ts';
import { digestStreams } from '../publish/index.ts';
import { parseCommand } from './args.ts';
import { BUILD_STAGES } from './build.ts';
import { EXIT } from './exit.ts';
import { diagnosticsJson, writeDiagnostics } from './format-diagnostics.ts';
import { createProgress, progressTimer } from './progress.ts';
import { baseIri, projectRoot } from './project.ts';

export const help = `Usage: iscm check [--base IRI] [--json]

Checks the sources as "iscm build" does (YAML, schemas, references, reconciliation of every printed
name, SHACL on the whole graph) and writes nothing. Each problem is one line,
  file:line:col: error code: message
in colour and with the lines of YAML around it on a terminal, plain otherwise.

Options:
  --base IRI   base IRI to check with (default: the build's)
  --json       the result as one JSON object on stdout: {"ok": …, "diagnostics": […]}
  -h, --help   show this help

Exit codes: 0 no errors, 1 the data has errors, 2 usage, 3 internal error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { base: { type: 'string' }, json: { type: 'boolean' } }, { min: 0, max: 0, names: 'no arguments' });
  const root = projectRoot();
  const iris = makeIris(baseIri(values.base));
  // Publishing is the one build stage a check skips.
  const progress = createProgress('checking', BUILD_STAGES.length - 1);
  let diagnostics: Diagnostic[] = [];
  let triples = 0;
  try {
    progress.step('load');
    const loaded = loadSources(root);
    const result = await build(loaded.sources, iris, progressTimer(progress), { root, cacheDir: join(root, CACHE_DIR) }, [
      ...loaded.diagnostics.mechanisms,
      ...loaded.diagnostics.reference,
    ]);
    // The dataset's description, and its SHACL check, need the files' checksums: hashed, not written.
    await digestStreams(result.files, { gzip: result.gzip, describe: result.describe });
    triples = result.triples;
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    diagnostics = e.diagnostics;
  } finally {
    progress.done();
  }
  if (values.json) process.stdout.write(`${JSON.stringify({ ok: diagnostics.length === 0, triples: diagnostics.length ? null : triples, diagnostics: diagnosticsJson(diagnostics) }, null, 2)}\n`);
  else writeDiagnostics(diagnostics, root);
  process.stderr.write(diagnostics.length ? `check failed with ${diagnostics.length} error(s)\n` : `checked: no errors (${triples} triples)\n`);
  return diagnostics.length ? EXIT.dataErrors : EXIT.ok;
}
