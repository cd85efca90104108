import { connect } from 'node:net';
import { makeIris } from './pipeline/iri.ts';
import { startServer } from './pipeline/serve/server.ts';
const server = await startServer({ root: process.cwd(), outDir: process.cwd() + '/output', base: makeIris().base, port: 0 });
const port = Number(new URL(server.url).port);
function raw(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    s.on('data', (c) => chunks.push(c)); s.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))); s.on('error', reject);
    s.write(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 'latin1'));
  });
}
for (const t of ['/download/../../etc/passwd', '/download/..\\..\\package.json', '/doc/..\\..\\etc', '/doc/a{b}', '/doc/a"b', '/doc/a<b>', '/id/a%', '/doc/a|b', '/id/a^b', '/doc/a`b', '/doc/%00', '/download/iscm.nt\0', '/doc/\x7f', '/doc/\xe9', '/id/state/CHE#x', 'http://evil.example/etc/passwd', '*', '/doc/overview\\..']) {
  const r = await raw(t);
  console.log(JSON.stringify(t), r.split('\r\n')[0], JSON.stringify(r.slice(r.indexOf('\r\n\r\n') + 4, r.indexOf('\r\n\r\n') + 120)));
}
await server.close();
