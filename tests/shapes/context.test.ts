// ontology/context.jsonld must round-trip: RDF -> JSON-LD compacted with the context ->
// expanded -> RDF gives the same graph. A term that coerced a literal into an IRI (or the
// reverse), or a global @language, would break it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import n3 from 'n3';
import { isomorphic } from 'rdf-isomorphic';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const context = JSON.parse(readFileSync(join(root, 'ontology', 'context.jsonld'), 'utf8'));

// Literals of every kind the model uses, and the two properties that hold both literals and
// IRIs (rdf:object) or several datatypes (schema:startDate).
const SAMPLE = `
@base <https://w3id.org/iscm/id/> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix dct:    <http://purl.org/dc/terms/> .
@prefix schema: <http://schema.org/> .
@prefix foaf:   <http://xmlns.com/foaf/0.1/> .
@prefix time:   <http://www.w3.org/2006/time#> .
@prefix iscm:   <https://w3id.org/iscm/def/iscm#> .

<process/berne-initiative> a iscm:ConsultationMechanism , org:Organization , foaf:Agent ;
    skos:prefLabel "Initiative de Berne"@fr , "Berne Initiative"@en ;
    iscm:acronym "IB"@fr ;
    schema:foundingDate "2001"^^xsd:gYear , "2002"^^xsd:integer ;
    iscm:hasFormalAssociation false ;
    iscm:mechanismType <mechanism-type/global-process> ;
    foaf:page <https://iom.int/fr/initiative-de-berne> ;
    dct:source <process/berne-initiative/source/fr-seed> .

<process/berne-initiative/statement/1> a rdf:Statement ;
    rdf:subject <process/berne-initiative> ;
    rdf:predicate schema:foundingDate ;
    rdf:object "2001"^^xsd:gYear .
<process/berne-initiative/statement/2> a rdf:Statement ;
    rdf:subject <process/berne-initiative> ;
    rdf:predicate iscm:mechanismType ;
    rdf:object <mechanism-type/global-process> .
<process/berne-initiative/statement/3> a rdf:Statement ;
    rdf:subject <process/berne-initiative> ;
    rdf:predicate iscm:typeAsPrinted ;
    rdf:object "Processus mondial"@fr .

<process/berne-initiative/list/member-state/fr-seed> a iscm:ParticipantList ;
    iscm:role <role/member-state> ;
    iscm:declaredCount 121 ;
    iscm:listedCount "0121"^^xsd:integer ;
    iscm:isComplete true ;
    iscm:headingAsPrinted "États membres"@fr .

<role/member-state> a skos:Concept ; skos:notation "member-state" ; skos:prefLabel "État membre"@fr .

<process/berne-initiative/meeting/a> schema:startDate "2004-12-16"^^xsd:date ; schema:endDate "2004-12"^^xsd:gYearMonth .
<process/berne-initiative/meeting/b> schema:startDate "2003"^^xsd:gYear ; schema:name "Berne II" .

<state/CHE> iscm:iso3166Numeric "756" ; iscm:m49Code "756" ;
    skos:exactMatch <http://www.wikidata.org/entity/Q39> .

<x/period/start> time:inXSDgYear "2001"^^xsd:gYear .
<x/period/end> time:inXSDDate "2004-12-17"^^xsd:date ; time:inXSDgYear "2004" .
<agent/x> skos:editorialNote "no reference"@en ; skos:note "plain note" .
`;

function parseTurtle(text: string): n3.Quad[] {
  return new n3.Parser({ format: 'text/turtle' }).parse(text);
}

async function roundTrip(quads: n3.Quad[]): Promise<{ back: n3.Quad[]; compacted: Record<string, unknown> }> {
  const nquads = new n3.Writer({ format: 'N-Quads' }).quadsToString(quads);
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
  const compacted = (await jsonld.compact(expanded, context)) as Record<string, unknown>;
  // Through text, as a consumer would receive it.
  const reparsed = JSON.parse(JSON.stringify(compacted));
  const reexpanded = await jsonld.expand(reparsed);
  const out = (await jsonld.toRDF(reexpanded, { format: 'application/n-quads' })) as unknown as string;
  return { back: new n3.Parser({ format: 'N-Quads' }).parse(out), compacted };
}

describe('ontology/context.jsonld', () => {
  it('is a JSON-LD 1.1 context without a global @language or @vocab', () => {
    expect(context['@context']['@version']).toBe(1.1);
    expect(context['@context']['@language']).toBeUndefined();
    expect(context['@context']['@vocab']).toBeUndefined();
  });

  it('round-trips a graph with every kind of value the model uses', async () => {
    const quads = parseTurtle(SAMPLE);
    const { back, compacted } = await roundTrip(quads);
    expect(back.length).toBe(quads.length);
    expect(isomorphic(back, quads)).toBe(true);
    // The context is actually used: terms, not full IRIs.
    const text = JSON.stringify(compacted);
    expect(text).toContain('"prefLabel"');
    expect(text).toContain('"foundingDate":"2001"');
    expect(text).toContain('"@language":"fr"');
  });

  it('round-trips the shape fixtures (base graph and every valid case)', async () => {
    const fixtures = join(here, 'fixtures');
    const files = [
      join(fixtures, 'base.ttl'),
      ...readdirSync(fixtures, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(fixtures, d.name, 'valid.ttl')),
    ];
    const store = new n3.Store();
    for (const f of files) store.addQuads(parseTurtle(readFileSync(f, 'utf8')));
    const quads = [...store] as n3.Quad[];
    const { back, compacted } = await roundTrip(quads);
    expect(back.length).toBe(quads.length);
    expect(isomorphic(back, quads)).toBe(true);
    // Compaction falls back to a compact IRI when a term's coercion does not fit the value, so
    // round-tripping alone would not notice a wrong coercion: on conforming data, every
    // property must come out as a term.
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (!k.startsWith('@')) keys.add(k);
          walk(x);
        }
      }
    };
    walk(compacted['@graph']);
    expect([...keys].filter((k) => k.includes(':')).sort()).toEqual([]);
  });
});
