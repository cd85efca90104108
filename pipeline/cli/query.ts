// `iscm query`: runs a SPARQL 1.1 query file over the built dumps in an embedded store, so that a
// researcher needs no triple store to ask a question. Prints a table, or CSV, TSV, JSON, XML
// (SELECT, ASK) or Turtle, N-Triples, JSON-LD, RDF/XML (CONSTRUCT, DESCRIBE).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BuildError, error } from '../diagnostics.ts';
import { QueryError, runQuery } from '../query/execute.ts';
import { readPrologue } from '../query/form.ts';
import { GRAPH_FORMATS, SOLUTION_FORMATS, type MediaType } from '../query/formats.ts';
import { openRelease } from '../query/release.ts';
import { formatTable, type JsonResults } from '../query/table.ts';
import { prefixes } from '../serialize/turtle.ts';
import { parseCommand } from './args.ts';
import { runDirectly } from './direct.ts';
import { EXIT, UsageError } from './exit.ts';
import { baseIri, projectRoot } from './project.ts';

export const help = `Usage: iscm query [--format FORMAT] [--out DIR] [--base IRI] FILE.rq

Runs the SPARQL 1.1 query in FILE.rq ("-" reads standard input) over the built dumps, in an
embedded store. The release is in the named graph {base}graph/{version}; the default graph is
the union of all graphs, so queries need no FROM clause.

Options:
  --format FORMAT  for SELECT and ASK: table (default), csv, tsv, json or xml;
                   for CONSTRUCT and DESCRIBE: turtle (default), ntriples, jsonld or rdfxml
  --out DIR        the folder holding the dumps (default: output/, or ISCM_OUT)
  --base IRI       the base IRI the dumps were built with (default: ISCM_BASE, or the default base)
  -h, --help       show this help

Exit codes: 0 answered, 1 the query or the dumps have an error, 2 usage, 3 internal error.
`;

const TABLE = 'table';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    argv,
    { format: { type: 'string', short: 'f' }, out: { type: 'string' }, base: { type: 'string' } },
    { min: 1, max: 1, names: 'one query file' },
  );
  const file = positionals[0];
  const root = projectRoot();
  const text = readQuery(file);
  const { form, prefixes: queryPrefixes } = readPrologue(text);
  const solutions = form === 'SELECT' || form === 'ASK';
  const format = values.format ?? (solutions ? TABLE : 'turtle');
  const formats: Record<string, MediaType> = solutions ? { [TABLE]: SOLUTION_FORMATS.json, ...SOLUTION_FORMATS } : GRAPH_FORMATS;
  if (form && form !== 'UPDATE' && !Object.hasOwn(formats, format))
    throw new UsageError(`--format ${format} does not apply to a ${form} query; use ${Object.keys(formats).join(', ')}`);

  const release = openRelease({
    root,
    outDir: values.out ? resolve(values.out) : resolve(root, process.env.ISCM_OUT ?? 'output'),
    base: baseIri(values.base),
  });
  try {
    const answer = runQuery(release, text, () => formats[format]);
    const shown = { ...prefixes(release.iris), ...queryPrefixes };
    process.stdout.write(format === TABLE ? formatTable(JSON.parse(answer.body) as JsonResults, shown) : answer.body);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    throw new BuildError([error(e.code, e.message, { file: file === '-' ? '<stdin>' : file, line: e.line ?? 1, column: e.column ?? 1 })]);
  }
}

function readQuery(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    throw new BuildError([error('missing-query', `${file} does not exist`, { file })]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runDirectly('query', { help, run }, process.argv.slice(2));
