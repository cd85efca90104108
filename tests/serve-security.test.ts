// The server's defences, on 127.0.0.1 and a random port: read-only (SPARQL Update and Graph Store
// writes refused), bounded (query time, answer size, waiting queries, URL and body size), no path
// traversal, CORS and security headers on every answer, 200 concurrent clients served without an
// error, rendered pages kept per variant; and, on a one-record project whose names are markup,
// labels shown as text and a bounded queue of waiting queries. Chromium
// (scripts/chromium.sh) checks that YASGUI works under the content security policy and that the
// hostile names run nothing.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../pipeline/cli/build.ts';
import { DEFAULT_BASE } from '../pipeline/iri.ts';
import { MAX_HTML_RESULT_BYTES, MAX_URL_BYTES } from '../pipeline/serve/limits.ts';
import { QUERY_WORKERS } from '../pipeline/serve/query-pool.ts';
import { failure, html, ok, type Incoming, type Reply } from '../pipeline/serve/reply.ts';
import { MAX_CACHED_BYTES, ReplyCache } from '../pipeline/serve/reply-cache.ts';
import { MAX_BODY_BYTES, startServer, type RunningServer } from '../pipeline/serve/server.ts';
import { buildInto, ROOT } from './helpers/built.ts';
import { makeProject, removeProjects } from './helpers/project.ts';
import { rawRequest } from './helpers/raw-http.ts';

const CHE = 'https://w3id.org/iscm/id/state/CHE';
const TIMEOUT_MS = 2500;
const MAX_RESULT_BYTES = 1 << 20;
/** Every triple joined with every triple twice: about 6·10¹² rows, which no time limit lets finish. */
const CROSS_JOIN = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
/** A researcher query: the Berne Initiative's 121 member states. */
const TYPICAL = readFileSync(join(ROOT, 'ontology', 'queries', 'berne-member-states.rq'), 'utf8');
const JSON_RESULTS = { accept: 'application/sparql-results+json' };

let out: string;
let server: RunningServer;
beforeAll(async () => {
  out = await buildInto();
  server = await startServer({ root: ROOT, outDir: out, base: DEFAULT_BASE, port: 0, limits: { queryTimeoutMs: TIMEOUT_MS, maxResultBytes: MAX_RESULT_BYTES } });
});
afterAll(async () => {
  await server?.close();
  removeProjects();
});

const at = (s: RunningServer, path: string, init: RequestInit = {}) => fetch(`${s.url}${path}`, { redirect: 'manual', ...init });
const q = (query: string) => `/sparql?query=${encodeURIComponent(query)}`;
const errorCode = async (r: Response) => /^error ([a-z-]+):/.exec(await r.text())?.[1];
const rows = async (r: Response) => ((await r.json()) as { results: { bindings: unknown[] } }).results.bindings.length;
const tripleCount = async () =>
  Number(((await (await at(server, q('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'), { headers: JSON_RESULTS })).json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0].n.value);

describe('read-only', () => {
  const insert = `INSERT DATA { <${CHE}> <https://example.org/p> "x" }`;
  const form = (fields: Record<string, string>) => ({ body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const body = (type: string, text: string) => ({ body: text, headers: { 'content-type': type } });

  it('refuses SPARQL Update in every form with 403 update-refused, and changes nothing', async () => {
    const before = await tripleCount();
    const tries: [string, RequestInit][] = [
      ['/sparql', { method: 'POST', ...body('application/sparql-update', insert) }],
      ['/sparql', { method: 'POST', ...body('application/sparql-update', 'DROP ALL') }],
      ['/sparql', { method: 'POST', ...form({ update: insert }) }],
      ['/sparql', { method: 'POST', ...form({ update: 'CLEAR DEFAULT', query: 'ASK {}' }) }],
      [`/sparql?update=${encodeURIComponent(insert)}`, {}],
      ['/sparql', { method: 'POST', ...body('application/sparql-query', insert) }],
      ['/sparql', { method: 'POST', ...body('application/sparql-query', 'PREFIX ex: <https://example.org/>\n# every triple\nDELETE WHERE { ?s ?p ?o }') }],
      [q('LOAD <https://example.org/data.ttl>'), {}],
      [q(`WITH <${CHE}> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }`), {}],
    ];
    for (const [path, init] of tries) {
      const r = await at(server, path, init);
      expect(r.status, `${init.method ?? 'GET'} ${path} ${init.body ?? ''}`).toBe(403);
      expect(await errorCode(r)).toBe('update-refused');
    }
    expect(await tripleCount()).toBe(before);
    expect(await (await at(server, q('ASK { ?s <https://example.org/p> ?o }'), { headers: JSON_RESULTS })).json()).toMatchObject({ boolean: false });
  });

  it('refuses Graph Store Protocol writes on every path with 405 and an Allow header, and changes nothing', async () => {
    const before = await tripleCount();
    const triple = body('application/n-triples', `<${CHE}> <https://example.org/p> "x" .\n`);
    const paths = ['/', '/id/state/CHE', '/doc/state/CHE', '/doc/overview', '/download/iscm.nt', '/download/', '/assets/site.css', '/rdf-graph-store?default', '/data?graph=https%3A%2F%2Fexample.org%2Fg'];
    for (const path of paths)
      for (const method of ['PUT', 'POST', 'DELETE', 'PATCH']) {
        const r = await at(server, path, { method, ...triple });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(await errorCode(r)).toBe('method-not-allowed');
        const allow = r.headers.get('allow')?.split(/,\s*/);
        expect(allow, `${method} ${path}`).toContain('GET');
        expect(allow, `${method} ${path}`).not.toContain(method);
      }
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const r = await at(server, '/sparql?graph=https%3A%2F%2Fexample.org%2Fg', { method, ...triple });
      expect(r.status, method).toBe(405);
      expect(r.headers.get('allow')?.split(/,\s*/)).not.toContain(method);
    }
    // POST is the protocol's way to query, so a graph store write there is named and refused.
    for (const path of ['/sparql?graph=https%3A%2F%2Fexample.org%2Fg', '/sparql?default']) {
      const r = await at(server, path, { method: 'POST', ...triple });
      expect(r.status, path).toBe(403);
      expect(await errorCode(r)).toBe('update-refused');
    }
    expect(await tripleCount()).toBe(before);
  });
});

describe('limits', () => {
  it('stops a query at the time limit with 503 query-timeout, and answers other clients meanwhile', async () => {
    const started = performance.now();
    let settled = false;
    const slow = at(server, q(CROSS_JOIN), { headers: JSON_RESULTS }).then((r) => ((settled = true), r));
    const page = await at(server, '/doc/process/berne-initiative', { headers: { accept: 'text/html' } });
    const quick = await at(server, q(TYPICAL), { headers: JSON_RESULTS });
    expect(page.status).toBe(200);
    expect(await rows(quick)).toBe(121);
    expect(settled).toBe(false);
    const stopped = await slow;
    expect(stopped.status).toBe(503);
    expect(await errorCode(stopped)).toBe('query-timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    // The stopped worker was replaced: every worker answers again.
    const after = await Promise.all(Array.from({ length: QUERY_WORKERS * 2 }, () => at(server, q(TYPICAL), { headers: JSON_RESULTS })));
    for (const r of after) expect(await rows(r)).toBe(121);
  });

  it('refuses an answer over the size limit with 413 result-too-large, a smaller one as an HTML table, and sends one within it', async () => {
    for (const [query, accept] of [
      ['SELECT * WHERE { ?s ?p ?o }', 'application/sparql-results+json'],
      ['SELECT * WHERE { ?s ?p ?o }', 'text/csv'],
      ['CONSTRUCT WHERE { ?s ?p ?o }', 'text/turtle'],
      ['DESCRIBE ?s WHERE { ?s ?p ?o }', 'application/n-triples'],
    ]) {
      const r = await at(server, q(query), { headers: { accept } });
      expect(r.status, `${query} as ${accept}`).toBe(413);
      expect(await errorCode(r)).toBe('result-too-large');
    }
    const within = await at(server, q('SELECT * WHERE { ?s ?p ?o } LIMIT 3000'), { headers: JSON_RESULTS });
    expect(within.status).toBe(200);
    // Within the limit, but too large to render as a table on the server's thread.
    expect((await within.arrayBuffer()).byteLength).toBeGreaterThan(MAX_HTML_RESULT_BYTES);
    const page = await at(server, q('SELECT * WHERE { ?s ?p ?o } LIMIT 3000'), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(413);
    expect(await errorCode(page)).toBe('result-too-large');
    expect((await at(server, q('SELECT * WHERE { ?s ?p ?o } LIMIT 100'), { headers: { accept: 'text/html' } })).status).toBe(200);
  });

  it('refuses a URL over the limit with 414, and a request head over Node’s own limit with 431', async () => {
    const long = await at(server, q(`SELECT * WHERE { ?s ?p ?o } # ${'x'.repeat(MAX_URL_BYTES)}`), { headers: JSON_RESULTS });
    expect(long.status).toBe(414);
    expect(await errorCode(long)).toBe('uri-too-long');
    expect((await at(server, `/doc/${'a'.repeat(MAX_URL_BYTES)}`)).status).toBe(414);
    // The same query fits in a POST body.
    const posted = await at(server, '/sparql', { method: 'POST', body: `SELECT * WHERE { ?s ?p ?o } LIMIT 1 # ${'x'.repeat(MAX_URL_BYTES)}`, headers: { 'content-type': 'application/sparql-query', ...JSON_RESULTS } });
    expect(await rows(posted)).toBe(1);
    expect((await rawRequest(server.url, `/doc/${'a'.repeat(20_000)}`)).status).toBe(431);
    expect((await at(server, '/')).status).toBe(200);
  });

  it('refuses a body declared over the limit with 413 at once, without waiting for it', async () => {
    const head = `POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`;
    const r = await rawRequest(server.url, '/sparql', head);
    expect(r.status).toBe(413);
    expect(r.body).toMatch(/^error too-large:/);
  });

  it('answers 400 when a graph named by default-graph-uri or named-graph-uri is not an IRI', async () => {
    for (const param of ['default-graph-uri=not%20an%20iri', 'named-graph-uri=%3Chttps%3A%2F%2Fexample.org%3E', 'default-graph-uri=']) {
      const r = await at(server, `${q('ASK { ?s ?p ?o }')}&${param}`, { headers: JSON_RESULTS });
      expect(r.status, param).toBe(400);
      expect(await errorCode(r)).toBe('query-failed');
    }
  });
});

describe('no path traversal', () => {
  const TARGETS = [
    '/download/../../etc/passwd',
    '/download/../../../../../../etc/passwd',
    '/download/..%2f..%2f..%2fetc%2fpasswd',
    '/download/%2e%2e/%2e%2e/package.json',
    '/download/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/download/%252e%252e%252fpackage.json',
    '/download/..\\..\\package.json',
    '/download/%5c..%5c..%5cpackage.json',
    '/download/iscm.nt%00.html',
    '/download/%00',
    '/download//etc/passwd',
    '/assets/../package.json',
    '/assets/..%2f..%2fpackage.json',
    '/doc/../../etc/passwd',
    '/doc/..\\..\\etc\\passwd',
    '/id/..%2f..%2fetc%2fpasswd',
    '//etc/passwd',
    '/../package.json',
    'http://127.0.0.1/../../etc/passwd',
  ];

  it.each(TARGETS)('serves nothing from outside the release for %s', async (target) => {
    const r = await rawRequest(server.url, target);
    expect([400, 404]).toContain(r.status);
    expect(r.body).toMatch(/^error (not-found|malformed-path):/);
    expect(r.body).not.toMatch(/root:.*:0:0:|"name": "iscm-lod"/);
  });

  it('answers a NUL byte in the request line with 400 and goes on serving; the raw client reads a real file whole', async () => {
    expect((await rawRequest(server.url, '/download/iscm.nt\0')).status).toBe(400);
    const file = await rawRequest(server.url, '/download/iscm.nt');
    expect(file.status).toBe(200);
    expect(Buffer.from(file.body, 'latin1').equals(readFileSync(join(out, 'iscm.nt')))).toBe(true);
  });
});

describe('CORS and security headers', () => {
  it('answers a CORS preflight on /sparql, and lets any origin read the answers', async () => {
    const preflight = await at(server, '/sparql', {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')?.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toContain('content-type');
    const answer = await at(server, q(TYPICAL), { headers: { ...JSON_RESULTS, origin: 'https://example.org' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends the security headers on every answer, whatever its status', async () => {
    const answers = [
      await at(server, '/', { headers: { accept: 'text/html' } }),
      await at(server, '/sparql', { headers: { accept: 'text/html' } }),
      await at(server, q(TYPICAL), { headers: JSON_RESULTS }),
      await at(server, '/id/state/CHE'),
      await at(server, '/doc/state/CHE', { headers: { accept: 'text/turtle' } }),
      await at(server, '/download/iscm.nt'),
      await at(server, '/assets/yasgui.min.js'),
      await at(server, '/nothing'),
      await at(server, '/doc/a%b'),
      await at(server, '/', { method: 'PUT' }),
      await at(server, '/sparql', { method: 'OPTIONS' }),
      await at(server, q('SELECT * WHERE { ?s ?p ?o }'), { headers: JSON_RESULTS }),
      await at(server, `/doc/${'a'.repeat(MAX_URL_BYTES)}`),
    ];
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([200, 303, 404, 400, 405, 204, 413, 414]));
    for (const r of answers) {
      const where = `${r.status} ${r.url}`.slice(0, 120);
      const policy = new Map(
        r.headers
          .get('content-security-policy')!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...sources]) => [name, sources]),
      );
      expect(policy.get('default-src'), where).toEqual(["'self'"]);
      expect(policy.get('script-src'), where).toEqual(["'self'"]);
      expect(policy.get('style-src')?.filter((s) => !s.startsWith("'sha256-")), where).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors'), where).toEqual(["'none'"]);
      expect(policy.get('object-src'), where).toEqual(["'none'"]);
      expect(r.headers.get('content-security-policy'), where).not.toMatch(/unsafe|\*/);
      expect(r.headers.get('x-content-type-options'), where).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), where).toBe('DENY');
      expect(r.headers.get('referrer-policy'), where).toBe('no-referrer');
      expect(r.headers.get('cross-origin-opener-policy'), where).toBe('same-origin');
    }
  });
});

describe('200 concurrent clients', () => {
  it('are all answered, SPARQL and pages alike, without an error', async () => {
    const kinds: { path: string; headers: Record<string, string>; status: number }[] = [
      { path: q(TYPICAL), headers: JSON_RESULTS, status: 200 },
      { path: '/doc/state/CHE', headers: { accept: 'text/html' }, status: 200 },
      { path: '/doc/process/berne-initiative', headers: { accept: 'text/turtle' }, status: 200 },
      { path: '/id/state/CHE', headers: { accept: 'text/turtle' }, status: 303 },
    ];
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const kind = kinds[i % kinds.length];
        const r = await at(server, kind.path, { headers: kind.headers });
        return { kind, status: r.status, body: await r.text() };
      }),
    );
    for (const { kind, status, body } of answers) {
      expect(status, kind.path).toBe(kind.status);
      if (kind.headers === JSON_RESULTS) expect(JSON.parse(body).results.bindings).toHaveLength(121);
    }
  });
});

describe('the reply cache', () => {
  const request = (path: string, headers: Record<string, string> = {}, method = 'GET'): Incoming => ({ method, path, params: new URLSearchParams(), headers });
  const counting = () => {
    const counter = { renders: 0, render: (reply: Reply) => async () => (counter.renders++, reply) };
    return counter;
  };

  it('renders each variant of a page once, and keeps no SPARQL answer, write, error or file', async () => {
    const cache = new ReplyCache();
    const c = counting();
    const page = html('<p>page</p>');
    expect(await cache.through(request('/doc/a', { accept: 'text/html' }), c.render(page))).toBe(page);
    expect(await cache.through(request('/doc/a', { accept: 'text/html' }), c.render(html('<p>again</p>')))).toBe(page);
    expect(await cache.through(request('/doc/a', { accept: 'text/html' }, 'HEAD'), c.render(html('<p>again</p>')))).toBe(page);
    expect(c.renders).toBe(1);
    await cache.through(request('/doc/a', { accept: 'text/html', 'accept-language': 'fr' }), c.render(html('<p>fr</p>')));
    await cache.through(request('/doc/a', { accept: 'text/turtle' }), c.render(ok('text/turtle', '<a> <b> <c> .')));
    expect(c.renders).toBe(3);
    // Headers that choose the same variant, and a query string, which no page reads, force no render.
    const same: Incoming[] = [
      request('/doc/a', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-language': 'en-GB,en;q=0.9' }),
      request('/doc/a', { accept: 'text/html;level=1' }),
      { ...request('/doc/a', { accept: 'text/html' }), params: new URLSearchParams('x=1') },
      request('/doc/a', { accept: 'text/html', 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.8' }),
      request('/doc/a', { accept: 'text/turtle;q=0.9, text/html;q=0.1' }),
    ];
    for (const req of same) await cache.through(req, c.render(html('<p>again</p>')));
    expect(c.renders).toBe(3);
    const never: [Incoming, Reply][] = [
      [request('/sparql', { accept: 'text/html' }), html('<p>results</p>')],
      [request('/doc/b', {}, 'POST'), html('<p>post</p>')],
      [request('/doc/c'), failure(404, 'not-found', 'no')],
      [request('/download/iscm.nt'), ok('application/n-triples', Buffer.from('<a> <b> <c> .'))],
    ];
    for (const [req, reply] of never) {
      const d = counting();
      await cache.through(req, d.render(reply));
      await cache.through(req, d.render(reply));
      expect(d.renders, `${req.method} ${req.path}`).toBe(2);
    }
  });

  it('forgets the least recently used pages once over its budget', async () => {
    const cache = new ReplyCache();
    const c = counting();
    const big = html('x'.repeat(Math.floor(MAX_CACHED_BYTES * 0.45)));
    for (const path of ['/a', '/b', '/a', '/c']) await cache.through(request(path), c.render(big));
    expect(c.renders).toBe(3);
    await cache.through(request('/a'), c.render(big));
    await cache.through(request('/c'), c.render(big));
    expect(c.renders).toBe(3);
    await cache.through(request('/b'), c.render(big));
    expect(c.renders).toBe(4);
  });
});

/** A label that is markup three ways: a script element, an attribute breaking out of its quotes, an element with a handler. */
const HOSTILE = `<script>alert(1)</script> "onmouseover=alert(2) x='y' & <img src=x onerror=alert(3)>`;
const HOSTILE_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=alert(2) x=&#39;y&#39; &amp; &lt;img src=x onerror=alert(3)&gt;';

/** Fails when a page has a script of its own or an event-handler attribute on any element. */
function expectInert(page: string, where: string): void {
  expect(page, where).not.toMatch(/<script(?![^>]*\ssrc="\/assets\/[\w.-]+")/i);
  // Attribute values are quoted and escaped, so dropping them leaves only attribute names in a tag.
  for (const tag of page.match(/<[a-zA-Z][^>]*>/g) ?? []) expect(tag.replace(/"[^"]*"/g, '""'), where).not.toMatch(/\son[a-z]+\s*=/i);
  expect(page, where).not.toMatch(/<img\b/i);
}

describe('labels that hold markup', () => {
  let hostile: RunningServer;
  beforeAll(async () => {
    const yaml = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const record = readFileSync(join(ROOT, 'tests', 'fixtures', 'valid', 'minimal.yaml'), 'utf8')
      .replace(/^id: minimal$/m, 'id: berne-initiative')
      .replace('en: Minimal Test Dialogue', `en: ${yaml(HOSTILE)}`)
      .replace("fr: Dialogue d'essai minimal", `fr: ${yaml(`Dialogue ${HOSTILE}`)}`)
      .replace("title: Conférence d'essai", `title: ${yaml(`Conférence ${HOSTILE}`)}`)
      .replace('title: Test Agenda', `title: ${yaml(`Agenda ${HOSTILE}`)}`);
    const root = makeProject({ remove: ['sources/mechanisms'], files: { 'sources/mechanisms/berne-initiative.yaml': record } });
    const hostileOut = join(mkdtempSync(join(tmpdir(), 'iscm-hostile-')), 'output');
    expect(await runBuild({ root, out: hostileOut, base: DEFAULT_BASE, quiet: true })).toBe(0);
    hostile = await startServer({ root, outDir: hostileOut, base: DEFAULT_BASE, port: 0, limits: { queryTimeoutMs: 1000, maxQueuedQueries: 1 } });
  });
  afterAll(() => hostile?.close());

  it('shows them as text on every page that names them, in both languages', async () => {
    const mechanism = await (await at(hostile, '/doc/process/berne-initiative.en.html')).text();
    expect(mechanism).toContain(`<h1>${HOSTILE_ESCAPED}</h1>`);
    expect(await (await at(hostile, '/doc/process/berne-initiative.fr.html')).text()).toContain(`<h1>Dialogue ${HOSTILE_ESCAPED}</h1>`);
    const pages = new Set(['/', '/doc/overview.en.html', '/doc/overview.fr.html', '/download/', '/sparql']);
    for (const lang of ['en', 'fr']) {
      const home = await (await at(hostile, '/', { headers: { 'accept-language': lang } })).text();
      expect(home, lang).toContain(HOSTILE_ESCAPED);
      // Every resource the mechanism's page links, the meeting and the document among them.
      for (const [, path] of (await (await at(hostile, `/doc/process/berne-initiative.${lang}.html`)).text()).matchAll(/href="\/id\/([^"#]+)"/g))
        pages.add(`/doc/${path}.${lang}.html`);
    }
    const named = [];
    for (const path of pages) {
      const r = await at(hostile, path, { headers: { accept: 'text/html' } });
      expect(r.status, path).toBe(200);
      const page = await r.text();
      expectInert(page, path);
      if (page.includes(HOSTILE_ESCAPED)) named.push(path);
    }
    expect(named.filter((p) => p.startsWith('/doc/process/') || p.includes('/meeting/') || p.includes('/document/')).length).toBeGreaterThanOrEqual(4);
  });

  it('shows them as text in SPARQL answers rendered as HTML tables', async () => {
    for (const query of ['SELECT ?label WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }', 'CONSTRUCT WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }']) {
      const page = await (await at(hostile, q(query), { headers: { accept: 'text/html' } })).text();
      expect(page, query).toContain(HOSTILE_ESCAPED);
      expectInert(page, query);
    }
  });

  it('refuses queries beyond the waiting limit with 503 busy and a Retry-After, and runs the others', async () => {
    const answers = await Promise.all(Array.from({ length: QUERY_WORKERS + 1 + 3 }, () => at(hostile, q(CROSS_JOIN), { headers: JSON_RESULTS })));
    const codes = await Promise.all(answers.map(errorCode));
    expect(codes.filter((c) => c === 'query-timeout')).toHaveLength(QUERY_WORKERS + 1);
    expect(codes.filter((c) => c === 'busy')).toHaveLength(3);
    for (const r of answers.filter((_, i) => codes[i] === 'busy')) {
      expect(r.status).toBe(503);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  describe.skipIf(chromiumMissing())('in Chromium, with scripts on', () => {
    let browser: Browser;
    let page: Page;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
      page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
      await page.addInitScript(() => {
        const w = window as unknown as { alerts: number; violations: string[] };
        w.alerts = 0;
        w.violations = [];
        window.alert = () => void w.alerts++;
        document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
      });
    });
    afterAll(() => browser?.close());
    const seen = () =>
      page.evaluate(() => {
        const w = window as unknown as { alerts: number; violations: string[] };
        return { alerts: w.alerts, violations: w.violations };
      });

    it('runs no script from a label: the page shows the label as text', async () => {
      await page.goto(`${hostile.url}/doc/process/berne-initiative.en.html`, { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toBe(HOSTILE);
      expect(await page.locator('script, img').count()).toBe(0);
      const handlers = await page.$$eval('*', (all) => all.flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')));
      expect(handlers).toEqual([]);
      const { alerts, violations } = await seen();
      expect(alerts).toBe(0);
      expect(violations).toEqual([]);
    });

    it('runs YASGUI on the query page under the content security policy, and its query answers', async () => {
      await page.goto(`${server.url}/sparql`, { waitUntil: 'networkidle' });
      await page.locator('.yasqe_queryButton').click();
      await page.locator('.yasr .dataTable tbody tr').first().waitFor();
      expect(await page.locator('.yasr .dataTable tbody tr').count()).toBeGreaterThan(10);
      expect(await seen()).toEqual({ alerts: 0, violations: [] });
    });
  });
});

function chromiumMissing(): boolean {
  const install = spawnSync('bash', [join(ROOT, 'scripts', 'chromium.sh')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (install.status === 4) process.stderr.write(`SKIPPED the browser checks: apt-get could not install chromium:\n${install.stderr}\n`);
  return install.status === 4;
}
