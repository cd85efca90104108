// The static copy of the site (`iscm export`): every resource's document in each format and
// language, and an nginx configuration that gives the live server's 303s and content negotiation.
// nginx, from Debian's packages (scripts/nginx.sh), serves the copy on loopback for the test.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourcePaths, staticSite } from '../pipeline/export/static-site.ts';
import { writeFolder } from '../pipeline/export/write.ts';
import { makeIris } from '../pipeline/iri.ts';
import { openRelease } from '../pipeline/query/release.ts';
import { openSite, type Site } from '../pipeline/serve/site.ts';
import { buildInto, ROOT } from './helpers/built.ts';

let site: Site;
let folder: string;
let paths: string[];
let files: Map<string, string | Buffer>;

beforeAll(async () => {
  const out = await buildInto();
  site = openSite(openRelease({ root: ROOT, outDir: out, base: makeIris().base }), ROOT, false);
  files = await staticSite(site);
  const parent = mkdtempSync(join(tmpdir(), 'iscm-export-'));
  chmodSync(parent, 0o755); // nginx's workers do not run as the user who made it
  folder = join(parent, 'site');
  writeFolder(folder, files);
  paths = resourcePaths(site);
});

const text = (path: string) => readFileSync(join(folder, path), 'utf8');
const triples = (body: string, format: string) =>
  new Set(oxigraph.parse(body, { format, base_iri: 'http://127.0.0.1/' }).map((q) => `${q.subject} ${q.predicate} ${q.object}`));

describe('the static copy', () => {
  it('has a document in four RDF formats and two languages for every resource of the release', () => {
    expect(paths).toContain('state/CHE');
    expect(paths).toContain('process/berne-initiative');
    expect(paths.length).toBeGreaterThan(2000);
    for (const p of paths) for (const ext of ['ttl', 'nt', 'jsonld', 'rdf', 'fr.html', 'en.html']) expect(files.has(`doc/${p}.${ext}`), `${p}.${ext}`).toBe(true);
  });

  it('writes the four formats of one document as the same graph', () => {
    const nt = triples(text('doc/state/CHE.nt'), 'application/n-triples');
    expect(nt.size).toBeGreaterThan(20);
    expect(triples(text('doc/state/CHE.ttl'), 'text/turtle')).toEqual(nt);
    expect(triples(text('doc/state/CHE.jsonld'), 'application/ld+json')).toEqual(nt);
    expect(triples(text('doc/state/CHE.rdf'), 'application/rdf+xml')).toEqual(nt);
  });

  it('writes French and English pages, with no link to a SPARQL endpoint it does not have', () => {
    expect(text('doc/state/CHE.fr.html')).toMatch(/<html lang="fr">[\s\S]*<title>Suisse · /);
    expect(text('doc/state/CHE.en.html')).toMatch(/<html lang="en">[\s\S]*<title>Switzerland · /);
    expect(text('index.fr.html')).not.toContain('href="/sparql"');
  });

  it('copies the dumps and the dataset description under download/', () => {
    expect(readFileSync(join(folder, 'download', 'iscm.nt')).equals(site.release.dumps.files.find((f) => f.name === 'iscm.nt')!.content)).toBe(true);
    expect(files.has('download/dataset.ttl')).toBe(true);
  });
});

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const install = spawnSync('bash', [join(ROOT, 'scripts', 'nginx.sh')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
const nginxMissing = install.status === 4;
if (nginxMissing) process.stderr.write(`SKIPPED the nginx test: apt-get could not install nginx-light:\n${install.stderr}\n`);

describe.skipIf(nginxMissing)('the nginx configuration, served by nginx', () => {
  let nginx: ChildProcess;
  let base: string;
  let prefix: string;

  beforeAll(async () => {
    expect(install.status, install.stderr).toBe(0);
    prefix = mkdtempSync(join(tmpdir(), 'iscm-nginx-'));
    const port = await freePort();
    mkdirSync(join(prefix, 'logs'));
    writeFileSync(
      join(prefix, 'nginx.conf'),
      `daemon off;
pid ${prefix}/nginx.pid;
error_log stderr;
events {}
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${folder}/nginx/iscm-http.conf;
  server { listen 127.0.0.1:${port}; root ${folder}; include ${folder}/nginx/iscm-server.conf; }
}
`,
    );
    nginx = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/`).then(() => true, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('nginx did not start');
  });

  afterAll(() => {
    nginx?.kill('SIGTERM');
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' });

  it('passes nginx -t in its standalone form', () => {
    const r = spawnSync('nginx', ['-t', '-p', `${folder}/`, '-c', 'nginx/nginx.conf'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });

  it('answers 303 See Other from /id/… to /doc/…, and 404 for what the data does not have', async () => {
    const r = await get('/id/state/CHE');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/doc/state/CHE');
    expect((await get('/id/state/XXX')).status).toBe(404);
  });

  it.each([
    ['text/turtle', 'ttl'],
    ['application/ld+json', 'jsonld'],
    ['application/n-triples', 'nt'],
    ['application/rdf+xml', 'rdf'],
  ])('negotiates %s', async (accept, ext) => {
    const r = await get('/doc/state/CHE', { accept });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')?.split(';')[0]).toBe(accept);
    expect(r.headers.get('vary')).toMatch(/Accept/);
    expect(await r.text()).toBe(text(`doc/state/CHE.${ext}`));
  });

  it('gives a browser HTML in the language it lists first, and a variant asked for by name', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    expect(await (await get('/doc/state/CHE', { accept: browser, 'accept-language': 'de-CH, fr;q=0.8, en;q=0.5' })).text()).toBe(text('doc/state/CHE.fr.html'));
    expect(await (await get('/doc/state/CHE', { accept: browser, 'accept-language': 'en-GB, fr;q=0.5' })).text()).toBe(text('doc/state/CHE.en.html'));
    expect(await (await get('/doc/state/CHE', { accept: browser })).text()).toBe(text('doc/state/CHE.en.html'));
    expect(await (await get('/doc/state/CHE.ttl', { accept: browser })).text()).toBe(text('doc/state/CHE.ttl'));
    // A resource whose own name ends like a variant: the distribution iscm.ttl.
    expect(await (await get('/doc/distribution/iscm.ttl', { accept: 'text/turtle' })).text()).toBe(text('doc/distribution/iscm.ttl.ttl'));
  });

  it('serves the home page, the download page and the dumps', async () => {
    expect(await (await get('/', { 'accept-language': 'fr' })).text()).toBe(text('index.fr.html'));
    expect((await get('/download/')).status).toBe(200);
    const nt = await get('/download/iscm.nt');
    expect(nt.headers.get('content-type')?.split(';')[0]).toBe('application/n-triples');
    expect(Buffer.from(await nt.arrayBuffer()).equals(readFileSync(join(folder, 'download', 'iscm.nt')))).toBe(true);
  });
});
