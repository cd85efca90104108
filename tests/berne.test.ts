// The Berne Initiative, the flagship record: every fact of IOM's French page, queried with
// SPARQL over the built N-Triples in an embedded store (oxigraph).

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparqlOver, type Sparql } from './helpers/sparql.ts';
import { buildInto } from './helpers/built.ts';

const BERNE = '<https://w3id.org/iscm/id/process/berne-initiative>';

let select: Sparql['select'];
let ask: Sparql['ask'];
let count: Sparql['count'];

beforeAll(async () => {
  const out = await buildInto();
  ({ select, ask, count } = sparqlOver(join(out, 'iscm.nt')));
});

const membersWithRole = (role: string) =>
  count(`SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?m org:organization ${BERNE}; org:role/skos:notation "${role}"; org:member ?a }`);

describe('the Berne Initiative', () => {
  it('is a global process with French and English names, established 2001 and concluded 2004', () => {
    expect(
      ask(`ASK { ${BERNE} a iscm:ConsultationMechanism, org:OrganizationalCollaboration;
        skos:prefLabel "Initiative de Berne"@fr, "Berne Initiative"@en;
        iscm:mechanismType id:mechanism-type/global-process;
        iscm:typeAsPrinted "Processus mondial sur la migration"@fr;
        schema:foundingDate "2001"^^xsd:gYear; schema:dissolutionDate "2004"^^xsd:gYear }`),
    ).toBe(true);
  });

  it('has no formal association, as printed', () => {
    expect(ask(`ASK { ${BERNE} iscm:hasFormalAssociation false; iscm:formalAssociationAsPrinted "aucune"@fr }`)).toBe(true);
    expect(ask(`ASK { ${BERNE} iscm:formallyAssociatedWith ?o }`)).toBe(false);
  });

  it('quotes its objectives in French with their source', () => {
    const rows = select(`SELECT ?text ?src WHERE { ${BERNE} iscm:objectives ?q . ?q schema:text ?text; dct:source ?src }`);
    expect(rows).toHaveLength(1);
    expect(rows[0].text).toMatch(/^Lancée par le gouvernement suisse en 2001, l'Initiative de Berne/);
    expect(rows[0].text).toMatch(/le Forum mondial sur la migration et le développement\.$/);
    expect(rows[0].src).toBe('https://w3id.org/iscm/id/process/berne-initiative/source/fr-seed');
  });

  it('was launched by Switzerland and paved the way for the HLD and the GFMD', () => {
    expect(ask(`ASK { ${BERNE} iscm:launchedBy id:state/CHE; iscm:pavedTheWayFor id:process/hld, id:process/gfmd }`)).toBe(true);
  });

  it('has 121 member states and 24 member organisations, both lists complete', () => {
    expect(membersWithRole('member-state')).toBe(121);
    expect(membersWithRole('member-organization')).toBe(24);
    const lists = select(`SELECT ?role ?listed ?declared ?complete WHERE {
      ?l iscm:listOf ${BERNE}; iscm:role/skos:notation ?role; iscm:listedCount ?listed; iscm:isComplete ?complete
      OPTIONAL { ?l iscm:declaredCount ?declared } }`);
    const byRole = Object.fromEntries(lists.map((l) => [l.role, l]));
    expect(byRole['member-state']).toMatchObject({ listed: '121', declared: '121', complete: 'true' });
    expect(byRole['member-organization']).toMatchObject({ listed: '24', complete: 'true' });
    expect(byRole['member-organization'].declared).toBeUndefined();
  });

  it('keeps each name as the page prints it, in French', () => {
    expect(ask(`ASK { ?m org:organization ${BERNE}; org:member id:state/HKG; iscm:nameAsPrinted "Hong-Kong RAS Chine"@fr }`)).toBe(true);
    expect(ask(`ASK { ?m org:organization ${BERNE}; org:member id:state/COD; iscm:nameAsPrinted "RD Congo"@fr }`)).toBe(true);
  });

  it('was chaired by Switzerland, with IOM\'s department as secretariat', () => {
    expect(membersWithRole('chair')).toBe(1);
    expect(ask(`ASK { ?m org:organization ${BERNE}; org:role/skos:notation "chair"; org:member id:state/CHE }`)).toBe(true);
    expect(
      ask(`ASK { ?m org:organization ${BERNE}; org:role/skos:notation "secretariat"; org:member ?d .
        ?d org:unitOf id:organization/iom; skos:prefLabel "Département de la politique et de la recherche sur la migration de l'OIM"@fr }`),
    ).toBe(true);
  });

  it('had a steering group of 8, including Sweden, which is not a member state', () => {
    expect(membersWithRole('steering-group-member')).toBe(8);
    expect(ask(`ASK { ?m org:organization ${BERNE}; org:role/skos:notation "steering-group-member"; org:member id:state/SWE }`)).toBe(true);
    expect(ask(`ASK { ?m org:organization ${BERNE}; org:role/skos:notation "member-state"; org:member id:state/SWE }`)).toBe(false);
  });

  it('covered 8 thematic areas, each a concept of one scheme, with the label as printed', () => {
    expect(count(`SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ${BERNE} iscm:theme ?t . ?t a skos:Concept; skos:inScheme id:scheme/theme }`)).toBe(8);
    expect(ask(`ASK { ${BERNE} iscm:themeStatement ?s . ?s iscm:labelAsPrinted "la migration de main-d'œuvre"@fr }`)).toBe(true);
  });

  it('prints its thematic areas as one complete list of 8 under "Axes thématiques"', () => {
    const lists = select(`SELECT ?l ?listed ?complete ?heading WHERE {
      ${BERNE} iscm:themeList ?l . ?l a iscm:ThemeList, iscm:PrintedList; iscm:listOf ${BERNE};
        iscm:listedCount ?listed; iscm:isComplete ?complete; iscm:headingAsPrinted ?heading FILTER(lang(?heading) = "fr") }`);
    expect(lists).toEqual([{ l: expect.any(String), listed: '8', complete: 'true', heading: 'Axes thématiques' }]);
    expect(count(`SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ${BERNE} iscm:themeStatement ?s . ?s iscm:inList <${lists[0].l}> }`)).toBe(8);
  });

  it('held 7 meetings, two of them printed on one line', () => {
    const rows = select(`SELECT ?start ?end ?name ?where WHERE {
      ?e iscm:convenedBy ${BERNE}; a iscm:Meeting, schema:Event; schema:startDate ?start; schema:endDate ?end; schema:name ?name; schema:location ?where }
      ORDER BY ?start`);
    expect(rows.map((r) => r.start)).toEqual(['2001-06-14', '2003-07-02', '2004-03-25', '2004-06-24', '2004-07-29', '2004-09-09', '2004-12-16']);
    expect(rows[2]).toMatchObject({ end: '2004-03-26', name: "Consultations régionales de l'Initiative de Berne pour l'Afrique", where: 'https://w3id.org/iscm/id/place/addis-ababa' });
    expect(rows[1]).toMatchObject({ end: '2003-07-03', name: "Consultations de l'Initiative de Berne", where: 'https://w3id.org/iscm/id/place/berne' });
    expect(ask(`ASK { id:place/addis-ababa schema:containedInPlace id:state/ETH }`)).toBe(true);
  });

  it('lists 6 documents whose titles hold no language note, with the language as dct:language', () => {
    const rows = select(`SELECT ?title ?lang WHERE { ?d iscm:documentOf ${BERNE}; dct:title ?title; dct:language ?lang FILTER(lang(?title) = "fr") }`);
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r.title).not.toMatch(/anglais/);
    const eng = 'http://publications.europa.eu/resource/authority/language/ENG';
    expect(rows.filter((r) => r.lang === eng)).toHaveLength(5);
    expect(rows.find((r) => r.title.startsWith('Normes juridiques'))?.lang).toBe('http://publications.europa.eu/resource/authority/language/UND');
  });

  it('links states to Wikidata, GeoNames and the EU authority, and organisations only where confirmed', () => {
    expect(
      ask(`ASK { id:state/CHE skos:exactMatch <http://www.wikidata.org/entity/Q39>, <https://sws.geonames.org/2658434/>,
        <http://publications.europa.eu/resource/authority/country/CHE>; iscm:m49Code "756" }`),
    ).toBe(true);
    expect(ask(`ASK { id:organization/iom skos:exactMatch <http://www.wikidata.org/entity/Q472311> }`)).toBe(true);
    // ICMPD's id is single-source: kept in the sources, not published.
    expect(ask(`ASK { id:organization/icmpd skos:exactMatch ?x }`)).toBe(false);
  });
});
