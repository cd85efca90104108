// `iscm load ENDPOINT`: puts the built release into a triple store through the SPARQL 1.1 Graph
// Store Protocol, replacing the release's named graph ({base}graph/{version}). For stores and
// datasets too big for one HTTP request, docs/serving.md describes the stores' bulk loaders.

import { resolve } from 'node:path';
import { readDumps } from '../query/dumps.ts';
import { pushRelease } from '../query/graph-store.ts';
import { releaseVersion } from '../query/release.ts';
import { makeIris } from '../iri.ts';
import { parseCommand } from './args.ts';
import { runDirectly } from './direct.ts';
import { EXIT } from './exit.ts';
import { baseIri, projectRoot } from './project.ts';

export const help = `Usage: iscm load [--out DIR] [--base IRI] ENDPOINT

Replaces the release's named graph ({base}graph/{version}) in the triple store whose SPARQL 1.1
Graph Store Protocol endpoint is ENDPOINT, with one PUT of the N-Triples dump and the dataset
description. Credentials may be given in the URL (http://user:pw@host/…, sent as HTTP Basic).
Examples of ENDPOINT:
  Virtuoso     http://localhost:8890/sparql-graph-crud
  Jena Fuseki  http://localhost:3030/DATASET/data
  GraphDB      http://localhost:7200/repositories/REPO/rdf-graphs/service
  Oxigraph     http://localhost:7878/store

Options:
  --out DIR    the folder holding the dumps (default: output/, or ISCM_OUT)
  --base IRI   the base IRI the dumps were built with (default: ISCM_BASE, or the default base)
  -h, --help   show this help

Exit codes: 0 loaded, 1 the dumps are missing or the store refused them, 2 usage, 3 internal error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { out: { type: 'string' }, base: { type: 'string' } }, { min: 1, max: 1, names: 'the ENDPOINT URL' });
  const root = projectRoot();
  const dumps = readDumps(values.out ? resolve(values.out) : resolve(root, process.env.ISCM_OUT ?? 'output'));
  const graph = makeIris(baseIri(values.base)).releaseGraph(releaseVersion(root));
  const pushed = await pushRelease(positionals[0], graph, dumps);
  process.stderr.write(`loaded ${pushed.triples} triples into <${pushed.graph}>\n`);
  return EXIT.ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runDirectly('load', { help, run }, process.argv.slice(2));
