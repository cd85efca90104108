import { makeIris } from './pipeline/iri.ts';
import { startServer } from './pipeline/serve/server.ts';
const server = await startServer({ root: process.cwd(), outDir: process.cwd() + '/output', base: makeIris().base, port: 0 });
for (const p of ['default-graph-uri=a%20b', 'named-graph-uri=%3Cx%3E', 'default-graph-uri=']) {
  const r = await fetch(`${server.url}/sparql?query=${encodeURIComponent('ASK {?s ?p ?o}')}&${p}`, { headers: { accept: 'application/json' } });
  console.log(p, r.status, await r.text());
}
await server.close();
