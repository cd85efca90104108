// The pictures (pipeline/pictures/): a mechanism's world map and timeline and the overview's
// matrix, as static SVG. On the real data, built once, they are checked against SPARQL over the
// dump and against the atlas file itself; made-up inputs cover what the data has no case of
// (a name full of markup, a state with two roles, a meeting with two start dates).

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../pipeline/cli/build.ts';
import { staticSite } from '../pipeline/export/static-site.ts';
import { DEFAULT_BASE, makeIris } from '../pipeline/iri.ts';
import type { Meeting, Participant } from '../pipeline/pictures/facts.ts';
import { mechanismPictures } from '../pipeline/pictures/mechanism-pictures.ts';
import { overviewPage } from '../pipeline/pictures/overview-page.ts';
import { ROLE_COLOURS } from '../pipeline/pictures/svg.ts';
import { timeline } from '../pipeline/pictures/timeline.ts';
import { worldMap } from '../pipeline/pictures/world-map.ts';
import { describe as describeResource } from '../pipeline/query/documents.ts';
import { openRelease } from '../pipeline/query/release.ts';
import { loadAssets } from '../pipeline/serve/assets.ts';
import { homePage } from '../pipeline/serve/html/home-page.ts';
import { renderVariant } from '../pipeline/serve/resources.ts';
import { route } from '../pipeline/serve/router.ts';
import { openSite, type Site } from '../pipeline/serve/site.ts';
import { buildInto, ROOT } from './helpers/built.ts';
import { removeProjects } from './helpers/project.ts';
import { renderPictures } from './helpers/render-pictures.ts';
import { smallProject } from './helpers/small-project.ts';
import { sparqlOver, type Sparql } from './helpers/sparql.ts';

const BERNE = '<https://w3id.org/iscm/id/process/berne-initiative>';
const ATLAS_CODES = new Set(
  (createRequire(import.meta.url)('world-atlas/countries-110m.json') as { objects: { countries: { geometries: { id?: string }[] } } }).objects.countries.geometries
    .map((g) => g.id)
    .filter((id): id is string => id !== undefined),
);

let out: string;
let site: Site;
let sparql: Sparql;
beforeAll(async () => {
  out = await buildInto();
  site = openSite(openRelease({ root: ROOT, outDir: out, base: makeIris().base }), ROOT, true);
  sparql = sparqlOver(join(out, 'iscm.nt'));
});

/** Every <svg> in an HTML fragment. */
const svgsOf = (html: string): string[] => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);

/** Parses as XML and fails on any error or warning, so a stray "&" or "<" in a label cannot pass. */
function parseSvg(svg: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
}

const elements = (root: Document | Element, tag: string) => Array.from(root.getElementsByTagName(tag)) as Element[];
const hasClass = (e: Element, c: string) => (e.getAttribute('class') ?? '').split(' ').includes(c);
const titleOf = (e: Element) => elements(e, 'title')[0]?.textContent ?? '';
/** The items of a list by class, as text. */
const listItems = (html: string, className: string) =>
  [...(new RegExp(`<ul class="${className}">([\\s\\S]*?)</ul>`).exec(html)?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));

function expectStatic(svg: string): Document {
  const doc = parseSvg(svg);
  expect(doc.documentElement?.tagName).toBe('svg');
  expect(elements(doc, 'script')).toHaveLength(0);
  expect(elements(doc, 'foreignObject')).toHaveLength(0);
  expect(svg).not.toMatch(/\son[a-z]+=|javascript:/i);
  // No style attribute either: the server's Content-Security-Policy refuses inline styles.
  expect(svg).not.toMatch(/\sstyle=/);
  return doc;
}

describe("the Berne Initiative's world map", () => {
  const members = () =>
    sparql.select(`SELECT DISTINCT ?state ?code ?name WHERE {
      ?m org:organization ${BERNE}; org:role/skos:notation "member-state"; org:member ?state .
      ?state skos:prefLabel ?name . FILTER(lang(?name) = "fr")
      OPTIONAL { ?state iscm:iso3166Numeric ?code } }`);

  it('highlights the 121 member states: each one with an outline in the atlas is a highlighted path, every other is named below the map', () => {
    const rows = members();
    expect(rows).toHaveLength(121);
    const html = mechanismPictures(site, site.release.iris.process('berne-initiative'), 'fr');
    const map = /<figure class="world-map">[\s\S]*?<\/figure>/.exec(html)![0];
    const doc = expectStatic(svgsOf(map)[0]);
    const highlighted = elements(doc, 'path').filter((p) => hasClass(p, 'member-state'));
    const listed = listItems(map, 'without-shape');
    expect(highlighted.length + listed.length).toBe(121);
    expect(new Set(highlighted.map((p) => titleOf(p).split(' — ')[0]))).toEqual(new Set(rows.filter((r) => ATLAS_CODES.has(r.code)).map((r) => r.name)));
    expect(new Set(listed)).toEqual(new Set(rows.filter((r) => !ATLAS_CODES.has(r.code)).map((r) => r.name)));
    expect(listed.length).toBeGreaterThan(0);
    for (const p of highlighted) expect(p.getAttribute('fill')).toBe(ROLE_COLOURS['member-state']);
    expect(elements(doc, 'path').filter((p) => hasClass(p, 'observer-state'))).toHaveLength(0);
  });

  it('joins on the zero-padded three-digit code: a state whose code starts with 0 is drawn', () => {
    const padded = members().filter((r) => r.code?.startsWith('0') && ATLAS_CODES.has(r.code));
    expect(padded.length).toBeGreaterThan(0);
    const html = mechanismPictures(site, site.release.iris.process('berne-initiative'), 'en');
    const titles = elements(parseSvg(svgsOf(html)[0]), 'path').map(titleOf);
    const english = sparql.select(`SELECT ?code ?name WHERE { ?s iscm:iso3166Numeric ?code; skos:prefLabel ?name FILTER(lang(?name) = "en") }`);
    for (const r of padded) expect(titles).toContain(`${english.find((e) => e.code === r.code)!.name} — member state`);
  });
});

describe("the Berne Initiative's timeline", () => {
  it('has its 7 meetings, in date order, left to right', () => {
    const meetings = sparql.select(`SELECT ?meeting ?start WHERE { ?meeting iscm:convenedBy ${BERNE}; schema:startDate ?start } ORDER BY ?start`);
    expect(meetings).toHaveLength(7);
    const html = mechanismPictures(site, site.release.iris.process('berne-initiative'), 'fr');
    const doc = expectStatic(svgsOf(html)[1]);
    expect(hasClass(doc.documentElement as Element, 'timeline')).toBe(true);
    const links = elements(doc, 'a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(meetings.map((m) => site.localPath(m.meeting)));
    const xs = elements(doc, 'rect')
      .filter((r) => hasClass(r, 'bar'))
      .map((r) => Number(r.getAttribute('x')));
    expect(xs).toHaveLength(7);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
  });
});

describe('the overview matrix', () => {
  it('has a row per state with a role, a column per mechanism and a cell per state and mechanism', async () => {
    const page = await route(site, loadAssets(), { method: 'GET', path: '/doc/overview.fr.html', params: new URLSearchParams(), headers: {} });
    const doc = expectStatic(svgsOf(String(page.body))[0]);
    const groups = elements(doc, 'g');
    const states = sparql.count(`SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?m org:organization ?p; org:member ?s . ?s a iscm:State }`);
    const pairs = sparql.count(`SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p WHERE { ?m org:organization ?p; org:member ?s . ?s a iscm:State } }`);
    const mechanisms = sparql.count(`SELECT (COUNT(?p) AS ?n) WHERE { ?p a iscm:ConsultationMechanism }`);
    expect(groups.filter((g) => hasClass(g, 'state'))).toHaveLength(states);
    expect(elements(doc, 'text').filter((t) => t.getAttribute('transform')?.includes('rotate'))).toHaveLength(mechanisms);
    const cells = groups.filter((g) => hasClass(g, 'cell'));
    expect(cells).toHaveLength(pairs);
    expect(cells.filter((c) => hasClass(c, 'member-state') && titleOf(c).includes(' — Initiative de Berne — '))).toHaveLength(121);
  });
});

describe('the pages', () => {
  const get = async (path: string, headers: Record<string, string> = {}) =>
    route(site, loadAssets(), { method: 'GET', path, params: new URLSearchParams(), headers });

  it("show the pictures on a mechanism's page only", () => {
    const page = (path: string) => {
      const iri = site.iriOf(path);
      return renderVariant(site, iri, describeResource(site.release, iri)!, { kind: 'html', lang: 'en' }, 'en', `/doc/${path}`);
    };
    const berne = page('process/berne-initiative');
    expect(berne).toContain('<section class="pictures">');
    expect(svgsOf(berne).map((s) => /class="([^"]+)"/.exec(s)![1])).toEqual(['picture world-map', 'picture timeline']);
    expect(page('state/CHE')).not.toContain('<svg');
    expect(page('process/berne-initiative/meeting/2004-03-25-addis-ababa')).not.toContain('<svg');
  });

  it('serve the overview at /doc/overview in the language asked for, and link it from the home page', async () => {
    const negotiated = await get('/doc/overview', { 'accept-language': 'fr-CH, en;q=0.5' });
    expect(negotiated.status).toBe(200);
    expect(negotiated.headers.vary).toBe('Accept-Language');
    expect(String(negotiated.body)).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    const english = await get('/doc/overview.en.html', { 'accept-language': 'fr' });
    expect(String(english.body)).toMatch(/<html lang="en">[\s\S]*href="\/doc\/overview\.fr\.html"/);
    expect((await get('/doc/overview.ttl')).status).toBe(404);
    expect(homePage(site, 'fr')).toContain('href="/doc/overview"');
  });
});

describe('the static export', () => {
  afterAll(removeProjects);

  // On the smallest project (one mechanism), since exporting the whole release takes a while.
  it('writes the overview in both languages, and each mechanism page with its pictures, as the server draws them', async () => {
    const root = smallProject();
    const small = join(root, 'output');
    expect(await runBuild({ root, out: small, base: DEFAULT_BASE, quiet: true })).toBe(0);
    const smallSite = openSite(openRelease({ root, outDir: small, base: DEFAULT_BASE }), root, false);
    const files = await staticSite(smallSite);
    const berne = smallSite.release.iris.process('berne-initiative');
    for (const lang of ['fr', 'en'] as const) {
      expect(files.get(`doc/overview.${lang}.html`)).toBe(overviewPage(smallSite, lang));
      const pictures = mechanismPictures(smallSite, berne, lang);
      expect(svgsOf(pictures)).toHaveLength(2);
      expect(String(files.get(`doc/process/berne-initiative.${lang}.html`))).toContain(pictures);
    }
  });
});

describe('determinism', () => {
  // Node 20.20's V8 has been seen to abort a child process here ("Fatal error … unreachable code")
  // now and then, before any of our code runs; a second try tells that crash from a real
  // difference, which fails every try. Tracked in the closing note of issue 8.
  it('draws the same bytes twice, and in another process with another time zone and locale', { retry: 2 }, () => {
    const here = renderPictures(site);
    expect(renderPictures(site)).toBe(here);
    const there = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/helpers/render-pictures.ts'), out], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, TZ: 'Pacific/Kiritimati', LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8' },
    });
    expect(there === here).toBe(true);
  });
});

const text = (value: string, lang = 'en') => ({ value, lang });
const noLinks = () => undefined;

describe('the world map, on made-up inputs', () => {
  const roleNames = new Map([
    ['member-state', text('member state')],
    ['observer-state', text('observer state')],
  ]);
  const participant = (iri: string, name: string, roles: string[], code?: string): Participant => ({ iri, name: text(name), roles, code });

  it('escapes every label, colours each role, and names below the map every participant it cannot draw', () => {
    const html = worldMap({
      lang: 'fr',
      mechanism: text('A <b>"dialogue"</b> & co'),
      participants: [
        participant('s:che', '<script>alert(1)</script> & "Co"', ['observer-state'], '756'),
        participant('s:fra', 'Both', ['member-state', 'observer-state'], '250'),
        participant('s:x', 'Atlantis <i>', ['member-state'], '999'),
        participant('a:u', 'Unresolved & unknown', ['member-state']),
      ],
      lists: [{ role: 'member-state', listed: 3, declared: 9, complete: false }],
      roleNames,
      href: (iri) => `/id/${iri}`,
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<i>');
    const doc = expectStatic(svgsOf(html)[0]);
    const paths = elements(doc, 'path');
    const observer = paths.filter((p) => hasClass(p, 'observer-state'));
    expect(observer.map(titleOf).sort()).toEqual(['<script>alert(1)</script> & "Co" — observer state', 'Both — member state, observer state']);
    expect(paths.find((p) => titleOf(p).startsWith('<script>'))!.getAttribute('fill')).toBe(ROLE_COLOURS['observer-state']);
    // A state with both roles is drawn once, in the member colour, and counts in both legends.
    expect(paths.find((p) => titleOf(p).startsWith('Both'))!.getAttribute('fill')).toBe(ROLE_COLOURS['member-state']);
    expect(elements(doc, 'text').map((t) => t.textContent)).toEqual(['Member state (3)', 'Observer state (2)']);
    expect(listItems(html, 'without-shape')).toEqual(['Atlantis &lt;i&gt;', 'Unresolved &amp; unknown']);
    expect(html).toContain('<span lang="en">Atlantis &lt;i&gt;</span>');
    expect(/<p class="lists">[^\n]*3 sur 9/.test(html)).toBe(true);
  });

  it('draws no map for a mechanism whose pages name no member or observer state', () => {
    const html = worldMap({ lang: 'en', mechanism: text('Empty'), participants: [], lists: [{ role: 'member-state', listed: 0, declared: 10, complete: false }], roleNames, href: noLinks });
    expect(svgsOf(html)).toHaveLength(0);
    expect(html).toContain('0 of 10');
  });
});

describe('the timeline, on made-up inputs', () => {
  const meeting = (iri: string, starts: [string, 'day' | 'month' | 'year'][], ends: [string, 'day' | 'month' | 'year'][] = [], name = iri): Meeting => ({
    iri,
    name: text(name, 'fr'),
    starts: starts.map(([value, precision]) => ({ value, precision })),
    ends: ends.map(([value, precision]) => ({ value, precision })),
  });
  const meetings = [
    meeting('m:a', [['2004-03-25', 'day']], [['2004-03-26', 'day']], 'Day & <night>'),
    meeting('m:b', [['2004-06', 'month']]),
    meeting('m:c', [['2003', 'year']]),
    meeting('m:d', [['2005-01-10', 'day'], ['2005-02-01', 'day']], [['2005-02-03', 'day']]),
    meeting('m:e', [], [], 'Sans date'),
  ];
  const html = timeline({ lang: 'en', mechanism: text('M'), meetings, href: (iri) => `/${iri}` });
  const doc = expectStatic(svgsOf(html)[0]);
  const bars = elements(doc, 'rect').filter((r) => hasClass(r, 'bar'));
  const width = (r: Element) => Number(r.getAttribute('width'));

  it('orders the dated meetings by date and lists the undated one in text', () => {
    expect(elements(doc, 'a').map((a) => a.getAttribute('href'))).toEqual(['/m:c', '/m:a', '/m:b', '/m:d']);
    expect(listItems(html, 'undated')).toEqual(['Sans date']);
    expect(html).toContain('<span lang="fr">Sans date</span>');
  });

  it('covers all the time a date allows: a year is twelve months wide, a month about 30 days', () => {
    const [year, day, month] = bars;
    expect(hasClass(year, 'year') && hasClass(month, 'month') && hasClass(day, 'day')).toBe(true);
    expect(width(year) / width(month)).toBeGreaterThan(11.5);
    expect(width(year) / width(month)).toBeLessThan(12.5);
    expect(width(day)).toBeLessThan(width(month));
  });

  it('draws a bar per start date when the pages give two, pairing none of them with the end date', () => {
    const d = bars.slice(3);
    expect(d).toHaveLength(2);
    expect(Number(d[1].getAttribute('x'))).toBeGreaterThan(Number(d[0].getAttribute('x')));
    expect(elements(doc, 'text').some((t) => t.textContent === '10 January 2005 / 1 February 2005')).toBe(true);
  });

  it('writes dates in the page language, and escapes names', () => {
    expect(elements(doc, 'text').map((t) => t.textContent)).toContain('25–26 March 2004');
    const french = timeline({ lang: 'fr', mechanism: text('M'), meetings: meetings.slice(0, 1), href: noLinks });
    expect(french).toContain('25–26 mars 2004');
    expect(french).toContain('Day &amp; &lt;night&gt;');
  });

  it('is left out for a mechanism with no meeting', () => {
    expect(timeline({ lang: 'en', mechanism: text('M'), meetings: [], href: noLinks })).toBe('');
  });
});
