// The ontology as published: its documentation page lists every term of ontology/iscm.ttl and
// every concept scheme of the data, in French and English, with domain, range and examples,
// escaped; its Turtle, RDF/XML and JSON-LD copies hold the graph of iscm.ttl.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import n3 from 'n3';
import * as oxigraph from 'oxigraph';
import { beforeAll, describe, expect, it } from 'vitest';
import { ontologyHtml } from '../pipeline/docs/ontology-html.ts';
import { escapeHtml } from '../pipeline/serve/html/escape.ts';
import { makeIris } from '../pipeline/iri.ts';
import { toJsonLd } from '../pipeline/serialize/jsonld.ts';
import { ontologyTriples } from '../pipeline/serialize/ontology.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { toRdfXml } from '../pipeline/serialize/rdfxml.ts';
import { toTurtle } from '../pipeline/serialize/turtle.ts';
import { PROJECT_ROOT, runStages } from './helpers/project.ts';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  iscm: 'https://w3id.org/iscm/def/iscm#',
};
const TERM_KINDS = ['Class', 'ObjectProperty', 'DatatypeProperty', 'AnnotationProperty'].map((k) => NS.owl + k);
const { namedNode } = n3.DataFactory;

const iris = makeIris();
const source = readFileSync(join(PROJECT_ROOT, 'ontology', 'iscm.ttl'), 'utf8');
const declared = new n3.Store(new n3.Parser().parse(source));
const terms = [...new Set(TERM_KINDS.flatMap((k) => declared.getSubjects(namedNode(`${NS.rdf}type`), namedNode(k), null).map((t) => t.value)))];
const downloads = ['iscm.ttl'];

let html: string;
let data: n3.Quad[];

/** The HTML of the element with this id, up to its closing tag. */
function article(id: string): string {
  const start = html.indexOf(`<article id="${id}">`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</article>', start));
}

beforeAll(() => {
  const { graphs } = runStages(PROJECT_ROOT);
  data = canonicalTriples(graphs!.flatMap((g) => g.quads));
  html = ontologyHtml({ ontology: ontologyTriples(source, iris), data, iris, downloads });
});

describe('output/ontology/index.html', () => {
  it('has an article for every class and property of iscm.ttl, with its labels and definitions in French and English', () => {
    expect(terms.length).toBeGreaterThan(40);
    for (const term of terms) {
      const a = article(term.slice(NS.iscm.length));
      for (const p of [`${NS.rdfs}label`, `${NS.skos}definition`])
        for (const lang of ['fr', 'en']) {
          const [value] = declared.getObjects(namedNode(term), namedNode(p), null).filter((o) => (o as n3.Literal).language === lang);
          expect(a, `${term} ${p}@${lang}`).toContain(`<td lang="${lang}">${escapeHtml(value.value)}</td>`);
        }
    }
  });

  it('gives each property its domain and range as declared', () => {
    const href = (iri: string) => (iri.startsWith(NS.iscm) ? `#${iri.slice(NS.iscm.length)}` : iri);
    for (const term of terms) {
      const a = article(term.slice(NS.iscm.length));
      for (const [p, name] of [['domain', 'Domain'], ['range', 'Range']]) {
        const objects = declared.getObjects(namedNode(term), namedNode(`${NS.rdfs}${p}`), null).map((o) => o.value);
        const shown = new RegExp(`lang="en">${name}</span></dt><dd>(.*?)</dd>`).exec(a)?.[1];
        if (declared.getObjects(namedNode(term), namedNode(`${NS.rdf}type`), null).some((t) => t.value === `${NS.owl}Class`)) {
          expect(shown, term).toBeUndefined();
          continue;
        }
        expect([...(shown ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1]), `${term} ${p}`).toEqual(objects.map(href));
      }
    }
  });

  it('shows examples from the data for every term the data uses, and says so for the others', () => {
    const used = new Set(data.flatMap((q) => [q.predicate.value, q.predicate.value === `${NS.rdf}type` ? q.object.value : '']));
    for (const term of terms) {
      const a = article(term.slice(NS.iscm.length));
      if (used.has(term)) expect(a, term).toMatch(/Examples from the data<\/span><\/dt><dd><ul><li>/);
      else expect(a, term).toContain('none in this release');
    }
    expect(article('State')).toContain('id:state/');
  });

  it('lists every concept scheme of the data with all its concepts', () => {
    const schemes = data.filter((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === `${NS.skos}ConceptScheme`).map((q) => q.subject.value);
    expect(schemes.map((s) => s.slice(s.lastIndexOf('/') + 1)).sort()).toEqual(['m49', 'mechanism-type', 'meeting-type', 'role', 'theme']);
    for (const s of schemes) {
      const a = article(`scheme-${s.slice(s.lastIndexOf('/') + 1)}`);
      const concepts = data.filter((q) => q.predicate.value === `${NS.skos}inScheme` && q.object.value === s).map((q) => q.subject.value);
      expect(concepts.length, s).toBeGreaterThan(0);
      for (const c of concepts) expect(a, c).toContain(`href="${c}"`);
    }
  });

  it('escapes whatever the RDF holds', () => {
    const hostile = `@prefix owl: <${NS.owl}> . @prefix rdfs: <${NS.rdfs}> .
      <${NS.iscm}Evil> a owl:Class ; rdfs:label "<script>alert('x')</script> & co"@en , "\\"quoted\\" <b>"@fr .`;
    const page = ontologyHtml({ ontology: ontologyTriples(hostile, iris), data: [], iris, downloads: ['"x<i>'] });
    expect(page).not.toMatch(/<script|<b>|<i>/);
    expect(page).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co');
    expect(page).toContain('&quot;quoted&quot; &lt;b&gt;');
    expect(page).toContain('href="&quot;x&lt;i&gt;"');
  });
});

describe('output/ontology/iscm.{ttl,rdf,jsonld}', () => {
  const triplesOf = (text: string, format: string) => {
    const store = new oxigraph.Store();
    store.load(text, { format, base_iri: 'https://w3id.org/iscm/' });
    return new Set([...store.match()].map((q) => `${q.subject.toString()} ${q.predicate.toString()} ${q.object.toString()}`));
  };

  it('hold the graph of ontology/iscm.ttl in each format', async () => {
    const published = ontologyTriples(source, iris);
    const expected = triplesOf(source, 'text/turtle');
    const context = JSON.parse(readFileSync(join(PROJECT_ROOT, 'ontology', 'context.jsonld'), 'utf8'))['@context'];
    expect(triplesOf(await toTurtle(published, iris), 'text/turtle')).toEqual(expected);
    expect(triplesOf(toRdfXml(published, iris), 'application/rdf+xml')).toEqual(expected);
    expect(triplesOf(await toJsonLd(published, context), 'application/ld+json')).toEqual(expected);
  });

  it('move the terms to the base of the build', () => {
    const moved = ontologyTriples(source, makeIris('https://example.org/data/'));
    const subjects = new Set(moved.map((q) => q.subject.value));
    expect(subjects.has('https://example.org/data/def/iscm#m49Area')).toBe(true);
    expect(moved.some((q) => [q.subject, q.predicate, q.object].some((t) => t.value.startsWith('https://w3id.org/iscm/')))).toBe(false);
  });
});
