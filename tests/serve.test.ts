// The HTTP service on 127.0.0.1 and a random port: the SPARQL 1.1 Protocol (GET, POST, every
// result format, updates refused), dereferenceable IRIs (303 See Other, then content negotiation
// by Accept and Accept-Language), the HTML pages and the downloads.

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIris } from '../pipeline/iri.ts';
import { describe as describeResource } from '../pipeline/query/documents.ts';
import { openRelease, releaseVersion } from '../pipeline/query/release.ts';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../pipeline/serve/server.ts';
import { buildInto, ROOT } from './helpers/built.ts';

const ID = 'https://w3id.org/iscm/id/';
const CHE = `${ID}state/CHE`;

let out: string;
let server: RunningServer;
beforeAll(async () => {
  out = await buildInto();
  server = await startServer({ root: ROOT, outDir: out, base: makeIris().base, port: 0 });
});
afterAll(() => server?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
const post = (path: string, body: string, contentType: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', body, headers: { 'content-type': contentType, ...headers }, redirect: 'manual' });
const errorCode = async (r: Response) => /^error ([a-z-]+):/.exec(await r.text())?.[1];

/** The triples of an RDF document, as N-Triples lines, read by oxigraph. */
function triples(text: string, format: string): Set<string> {
  return new Set(oxigraph.parse(text, { format, base_iri: 'http://127.0.0.1/' }).map((q) => `${q.subject} ${q.predicate} ${q.object}`));
}

function expectedDocument(iri: string): Set<string> {
  const release = openRelease({ root: ROOT, outDir: out, base: makeIris().base });
  const node = oxigraph.namedNode(iri);
  return new Set(
    [...release.store.match(node, null, null, release.graph), ...release.store.match(null, null, node, release.graph)].map(
      (q) => `${q.subject} ${q.predicate} ${q.object}`,
    ),
  );
}

describe('dereferenceable IRIs', () => {
  it('answer 303 See Other from /id/… to /doc/…', async () => {
    const r = await get('/id/state/CHE', { accept: 'text/turtle' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/doc/state/CHE');
    expect((await get('/id/process/berne-initiative/membership/member-state/fr-seed/state/CHE')).status).toBe(303);
  });

  it('answer 404, not an error, for a path that cannot be an IRI', async () => {
    const status = (path: string) =>
      new Promise<number>((resolve, reject) => request(`${server.url}${path}`, (r) => resolve(r.statusCode!)).on('error', reject).end());
    expect(await status('/doc/state/CHE>{}')).toBe(404);
    expect(await status('/id/state/CHE>')).toBe(404);
  });

  it('answer 404 for an IRI the data does not have, and 405 for a POST', async () => {
    const r = await get('/id/state/XXX');
    expect(r.status).toBe(404);
    expect(await errorCode(r)).toBe('not-found');
    expect((await get('/doc/state/XXX')).status).toBe(404);
    expect((await post('/id/state/CHE', '', 'text/plain')).status).toBe(405);
  });

  it.each([
    ['text/turtle', 'text/turtle', 'ttl'],
    ['application/ld+json', 'application/ld+json', 'jsonld'],
    ['application/n-triples', 'application/n-triples', 'nt'],
    ['application/rdf+xml', 'application/rdf+xml', 'rdf'],
  ])('serve the document as %s, holding every statement about the resource and every one that names it', async (accept, format, ext) => {
    const r = await get('/doc/state/CHE', { accept });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')?.split(';')[0]).toBe(accept);
    expect(r.headers.get('vary')).toMatch(/Accept/);
    expect(r.headers.get('content-location')).toBe(`/doc/state/CHE.${ext}`);
    const expected = expectedDocument(CHE);
    expect(expected.size).toBeGreaterThan(20);
    expect(triples(await r.text(), format)).toEqual(expected);
    // The variant named by its extension is the same document.
    expect(triples(await (await get(`/doc/state/CHE.${ext}`)).text(), format)).toEqual(expected);
  });

  it('weigh q-values and wildcards, and answer 406 when nothing offered is acceptable', async () => {
    const type = async (accept: string) => (await get('/doc/state/CHE', { accept })).headers.get('content-type')?.split(';')[0];
    expect(await type('text/turtle;q=0.5, application/ld+json')).toBe('application/ld+json');
    expect(await type('application/rdf+xml;q=0.9, text/*;q=0.2')).toBe('application/rdf+xml');
    expect(await type('text/html;q=0, text/*')).toBe('text/turtle');
    expect(await type('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('text/html');
    const refused = await get('/doc/state/CHE', { accept: 'image/png' });
    expect(refused.status).toBe(406);
    expect(await errorCode(refused)).toBe('not-acceptable');
  });

  it('serve HTML in the language the browser asks for, title included', async () => {
    const fr = await (await get('/doc/state/CHE', { accept: 'text/html', 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' })).text();
    expect(fr).toMatch(/<html lang="fr">/);
    expect(fr).toMatch(/<title>Suisse · [^<]+<\/title>/);
    const en = await (await get('/doc/state/CHE', { accept: 'text/html', 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' })).text();
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toMatch(/<title>Switzerland · [^<]+<\/title>/);
    expect(await (await get('/doc/state/CHE.fr.html', { 'accept-language': 'en' })).text()).toMatch(/<title>Suisse · /);
  });

  it('show every statement in the HTML, with links that lead to the resources they name, and no script', async () => {
    const page = await (await get('/doc/state/CHE', { accept: 'text/html' })).text();
    const release = openRelease({ root: ROOT, outDir: out, base: makeIris().base });
    const d = describeResource(release, CHE)!;
    const statements = [...page.matchAll(/<table class="statements">([\s\S]*?)<\/table>/g)].map((m) => m[1]).join('');
    expect(statements.match(/<li>/g)).toHaveLength(d.about.length + d.mentions.length);
    expect(page).not.toMatch(/<script/);
    const links = [...page.matchAll(/href="(\/id\/[^"#]+)"/g)].map((m) => m[1]);
    expect(links).toContain('/id/process/berne-initiative');
    for (const link of new Set(links)) {
      const r = await get(link);
      expect(r.status, link).toBe(303);
      expect((await get(r.headers.get('location')!, { accept: 'text/html' })).status, link).toBe(200);
    }
  });

  it('escape labels in HTML', async () => {
    // The secretariat of the Berne Initiative is printed with an apostrophe: "… de l'OIM".
    const page = await (await get('/doc/organization/iom-migration-policy-research-department.fr.html')).text();
    expect(page).toContain('migration de l&#39;OIM');
    expect(page).not.toContain("migration de l'OIM");
  });
});

describe('the SPARQL 1.1 Protocol at /sparql', () => {
  const select = 'PREFIX iscm: <https://w3id.org/iscm/def/iscm#> SELECT ?iso WHERE { ?s iscm:iso3166Alpha3 ?iso } ORDER BY ?iso LIMIT 3';
  const construct = `CONSTRUCT WHERE { <${CHE}> ?p ?o }`;
  const q = (query: string) => `/sparql?query=${encodeURIComponent(query)}`;

  it('answers a SELECT by GET, by POSTed form and by POSTed query alike', async () => {
    const accept = { accept: 'application/sparql-results+json' };
    const bodies = [
      await (await get(q(select), accept)).json(),
      await (await post('/sparql', new URLSearchParams({ query: select }).toString(), 'application/x-www-form-urlencoded', accept)).json(),
      await (await post('/sparql', select, 'application/sparql-query', accept)).json(),
    ];
    expect(bodies[0].results.bindings.map((b: { iso: { value: string } }) => b.iso.value)).toEqual(['ABW', 'AFG', 'AGO']);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it.each([
    ['application/sparql-results+json', (t: string) => JSON.parse(t).results.bindings.length],
    ['application/sparql-results+xml', (t: string) => t.match(/<result>/g)!.length],
    ['text/csv', (t: string) => t.trim().split('\r\n').length - 1],
    ['text/tab-separated-values', (t: string) => t.trim().split('\n').length - 1],
  ])('serves SELECT results as %s', async (accept, count) => {
    const r = await get(q(select), { accept });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')?.split(';')[0]).toBe(accept);
    expect(count(await r.text())).toBe(3);
  });

  it('serves ASK results as JSON and XML', async () => {
    const ask = `ASK { <${CHE}> ?p ?o }`;
    expect(await (await get(q(ask), { accept: 'application/sparql-results+json' })).json()).toMatchObject({ boolean: true });
    expect(await (await get(q(ask), { accept: 'application/sparql-results+xml' })).text()).toMatch(/<boolean>true<\/boolean>/);
  });

  it.each([['text/turtle'], ['application/n-triples'], ['application/ld+json']])('serves CONSTRUCT and DESCRIBE results as %s', async (accept) => {
    const expected = new Set([...expectedDocument(CHE)].filter((t) => t.startsWith(`<${CHE}>`)));
    const r = await get(q(construct), { accept });
    expect(r.headers.get('content-type')?.split(';')[0]).toBe(accept);
    expect(triples(await r.text(), accept)).toEqual(expected);
    const described = triples(await (await get(q(`DESCRIBE <${CHE}>`), { accept })).text(), accept);
    for (const t of expected) expect(described.has(t), t).toBe(true);
  });

  it('honours default-graph-uri: the release graph is the data, another graph is empty', async () => {
    const count = `SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`;
    const n = async (params: string) => Number((await (await get(`${q(count)}${params}`, { accept: 'application/json' })).json()).results.bindings[0].n.value);
    const all = await n('');
    const graph = makeIris().releaseGraph(releaseVersion(ROOT));
    expect(await n(`&default-graph-uri=${encodeURIComponent(graph)}`)).toBe(all);
    expect(await n(`&default-graph-uri=${encodeURIComponent('https://example.org/other')}`)).toBe(0);
  });

  it('refuses SPARQL Update in every form the protocol allows, and changes nothing', async () => {
    const update = `INSERT DATA { <${CHE}> <https://example.org/p> "x" }`;
    const tries = [
      await post('/sparql', new URLSearchParams({ update }).toString(), 'application/x-www-form-urlencoded'),
      await post('/sparql', update, 'application/sparql-update'),
      await get(q(update)),
    ];
    for (const r of tries) {
      expect(r.status).toBe(403);
      expect(await errorCode(r)).toBe('update-refused');
    }
    expect(await (await get(q(`ASK { ?s <https://example.org/p> ?o }`), { accept: 'application/json' })).json()).toMatchObject({ boolean: false });
  });

  it('answers 400 with a code for a malformed query, a missing query or two queries', async () => {
    const bad = await get(q('SELECT * WHERE { ?s ?p }'));
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe('sparql-syntax');
    const missing = await get('/sparql', { accept: 'application/sparql-results+json' });
    expect(missing.status).toBe(400);
    expect(await errorCode(missing)).toBe('missing-query');
    const two = await get(`${q(select)}&query=${encodeURIComponent(select)}`);
    expect(two.status).toBe(400);
    expect(await errorCode(two)).toBe('malformed-request');
    expect((await post('/sparql', select, 'text/plain')).status).toBe(415);
  });

  it('refuses a body over the limit with 413 before reading it all', async () => {
    const r = await post('/sparql', `query=${'x'.repeat(MAX_BODY_BYTES + 1)}`, 'application/x-www-form-urlencoded');
    expect(r.status).toBe(413);
    expect(await errorCode(r)).toBe('too-large');
  });

  it('gives a browser the query editor, with YASGUI served from this server, and answers its form with an HTML table', async () => {
    const page = await (await get('/sparql', { accept: 'text/html', 'accept-language': 'fr' })).text();
    expect(page).toMatch(/<html lang="fr">/);
    expect(page).toMatch(/<form class="plain-query" method="get" action="\/sparql">/);
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => /\.(js|css)$/.test(u));
    expect(sources).toEqual(expect.arrayContaining(['/assets/yasgui.min.js', '/assets/yasgui.min.css']));
    for (const s of sources) {
      expect(s.startsWith('/'), s).toBe(true);
      expect((await get(s)).status, s).toBe(200);
    }
    const table = await (await get(q(select), { accept: 'text/html' })).text();
    expect(table.match(/<tr>/g)).toHaveLength(4);
    expect(table).toContain('ABW');
  });

  it('answers a HEAD with the headers of the GET and no body', async () => {
    const head = await fetch(`${server.url}${q(select)}`, { method: 'HEAD', headers: { accept: 'text/csv' } });
    const body = await (await get(q(select), { accept: 'text/csv' })).text();
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(await head.text()).toBe('');
  });
});

describe('downloads and pages', () => {
  it('serves every file of output/ under /download/, byte for byte, with its media type', async () => {
    for (const [name, type] of [
      ['iscm.nt', 'application/n-triples'],
      ['iscm.ttl', 'text/turtle'],
      ['iscm.jsonld', 'application/ld+json'],
      ['iscm.rdf', 'application/rdf+xml'],
      ['dataset.ttl', 'text/turtle'],
    ]) {
      const r = await get(`/download/${name}`);
      expect(r.status, name).toBe(200);
      expect(r.headers.get('content-type')?.split(';')[0], name).toBe(type);
      expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(join(out, name))), name).toBe(true);
    }
    const listing = await (await get('/download/')).text();
    expect(listing).toContain('href="/download/dataset.ttl"');
    expect((await get('/download')).status).toBe(301);
    expect((await get('/download/nothing.ttl')).status).toBe(404);
  });

  it('serves the addresses the dataset description gives for its distributions and endpoint', async () => {
    const described = readFileSync(join(out, 'dataset.ttl'), 'utf8');
    const urls = [...described.matchAll(/<https:\/\/w3id\.org\/iscm\/((?:download\/[^>]+)|sparql)>/g)].map((m) => `/${m[1]}`);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of new Set(urls)) expect((await get(url, { accept: 'text/html' })).status, url).toBe(200);
  });

  it('links every mechanism from the home page, in the language asked for', async () => {
    const page = await (await get('/', { 'accept-language': 'fr' })).text();
    expect(page).toMatch(/<html lang="fr">/);
    expect(page.match(/href="\/id\/process\/[^"/]+"/g)).toHaveLength(38);
  });
});
