import { makeIris } from './pipeline/iri.ts';
import { startServer } from './pipeline/serve/server.ts';
const server = await startServer({ root: process.cwd(), outDir: process.cwd() + '/output', base: makeIris().base, port: 0 });
const typical = (await import('node:fs')).readFileSync('ontology/queries/berne-member-states.rq', 'utf8');
for (const [path, accept] of [['/doc/process/berne-initiative', 'text/html'], ['/doc/process/berne-initiative', 'text/turtle'], ['/doc/state/CHE', 'text/html'], ['/id/state/CHE', 'text/turtle'], ['/sparql?query=' + encodeURIComponent(typical), 'application/sparql-results+json'], ['/', 'text/html']]) {
  const times = [];
  for (let i = 0; i < 10; i++) { const t = performance.now(); const r = await fetch(server.url + path, { headers: { accept }, redirect: 'manual' }); await r.arrayBuffer(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(path.slice(0, 40), accept, 'median ms', times[5].toFixed(1));
}
await server.close();
