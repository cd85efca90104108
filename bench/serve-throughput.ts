// Requests per second and latency of the HTTP service on loopback, a few seconds per route, with
// autocannon: a resource's HTML page, its Turtle, a SPARQL SELECT as JSON, and a 303.
// Run: npx tsx bench/serve-throughput.ts [SECONDS] [CONNECTIONS]

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeIris } from '../pipeline/iri.ts';
import { startServer } from '../pipeline/serve/server.ts';

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: {
  url: string;
  duration: number;
  connections: number;
  headers?: Record<string, string>;
}) => Promise<Result>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.argv[2] ?? 5);
const connections = Number(process.argv[3] ?? 10);
const select = 'PREFIX iscm: <https://w3id.org/iscm/def/iscm#> SELECT ?s ?iso WHERE { ?s iscm:iso3166Alpha3 ?iso } ORDER BY ?iso LIMIT 20';

const server = await startServer({ root: ROOT, outDir: join(ROOT, 'output'), base: makeIris().base, port: 0 });
const routes: [string, string, Record<string, string>][] = [
  ['resource page, HTML (fr)', '/doc/state/CHE', { accept: 'text/html', 'accept-language': 'fr' }],
  ['resource document, Turtle', '/doc/state/CHE', { accept: 'text/turtle' }],
  ['mechanism page, HTML', '/doc/process/berne-initiative', { accept: 'text/html' }],
  ['SPARQL SELECT, JSON', `/sparql?query=${encodeURIComponent(select)}`, { accept: 'application/sparql-results+json' }],
  ['303 from /id/', '/id/state/CHE', {}],
];
process.stdout.write(`${seconds} s per route, ${connections} connections, on ${server.url}\n\n| route | req/s | p50 ms | p99 ms | non-2xx |\n|---|---:|---:|---:|---:|\n`);
for (const [name, path, headers] of routes) {
  const r = await autocannon({ url: `${server.url}${path}`, duration: seconds, connections, headers });
  process.stdout.write(`| ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |\n`);
}
await server.close();
