import { Worker } from 'node:worker_threads';
const code = `
const { parentPort } = require('node:worker_threads');
const oxigraph = require('oxigraph');
const fs = require('node:fs');
const store = new oxigraph.Store();
store.load(fs.readFileSync('output/iscm.nt','utf8'), { format: 'application/n-triples' });
parentPort.postMessage('ready');
parentPort.on('message', (q) => { const r = store.query(q, { results_format: 'application/sparql-results+json' }); parentPort.postMessage(r.length); });
`;
const w = new Worker(code, { eval: true });
const t0 = performance.now();
w.on('message', (m) => {
  console.log('msg', m, performance.now() - t0);
  if (m === 'ready') {
    w.postMessage('SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }');
    const t1 = performance.now();
    setTimeout(async () => { console.log('terminating', performance.now() - t1); const c = await w.terminate(); console.log('terminated', c, performance.now() - t1); }, 2000);
  }
});
w.on('error', (e) => console.log('error', e));
