// `iscm serve`: serves the built release on loopback: the SPARQL 1.1 Protocol at /sparql,
// dereferenceable IRIs (/id/… → 303 → /doc/…, with content negotiation) and the dumps under
// /download/. Read-only; it runs until interrupted.

import { resolve } from 'node:path';
import { startServer } from '../serve/server.ts';
import { parseCommand } from './args.ts';
import { runDirectly } from './direct.ts';
import { EXIT, UsageError } from './exit.ts';
import { baseIri, projectRoot } from './project.ts';

export const help = `Usage: iscm serve [--port PORT] [--out DIR] [--base IRI]

Serves the built dumps over HTTP on 127.0.0.1, read-only, until interrupted (Ctrl-C):
  /sparql            SPARQL 1.1 Protocol (GET, POST); a query editor in a browser
  /id/{path}         303 See Other to /doc/{path}; http://127.0.0.1:PORT/id/… stands for {base}id/…
  /doc/{path}        the resource's document: HTML (fr, en), Turtle, JSON-LD, N-Triples, RDF/XML
  /download/         the dumps and the dataset description

Options:
  --port PORT  the port to listen on (default: 8080, or PORT; 0 picks a free one)
  --out DIR    the folder holding the dumps (default: output/, or ISCM_OUT)
  --base IRI   the base IRI the dumps were built with (default: ISCM_BASE, or the default base)
  -h, --help   show this help

Exit codes: 0 stopped, 1 the dumps are missing, 2 usage, 3 internal error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { port: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' } }, { min: 0, max: 0, names: 'no arguments' });
  const portText = values.port ?? process.env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
  const root = projectRoot();
  const running = await startServer({
    root,
    outDir: values.out ? resolve(values.out) : resolve(root, process.env.ISCM_OUT ?? 'output'),
    base: baseIri(values.base),
    port,
  });
  process.stderr.write(`serving ${running.url}/ (SPARQL at ${running.url}/sparql); Ctrl-C stops\n`);
  await new Promise<void>((done) => {
    const stop = () => void running.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return EXIT.ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runDirectly('serve', { help, run }, process.argv.slice(2));
