// The UN M49 areas: a SKOS scheme built from the country table (world, regions, sub-regions,
// intermediate regions), codes kept as three-digit strings, English names only, every published
// State linked to all its areas, and "members by region" answered by one SPARQL query. (The
// shapes' M49 exception has its fixtures in tests/shapes/.)

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oxigraph from 'oxigraph';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../pipeline/load/delimited.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { toNTriples } from '../pipeline/serialize/ntriples.ts';
import { PROJECT_ROOT, runStages } from './helpers/project.ts';

const ID = 'https://w3id.org/iscm/id/';
const PREFIXES = `
PREFIX iscm: <https://w3id.org/iscm/def/iscm#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
`;

interface Expected {
  name: string;
  parent?: string;
}

// The table read here on its own terms, not through pipeline/reconcile: code → name and parent.
const table = parseCsv(readFileSync(join(PROJECT_ROOT, 'sources', 'reference', 'countries.csv'), 'utf8'));
const pad = (s: string) => s.padStart(3, '0');
const LEVELS = [
  ['Global Code', 'Global Name'],
  ['Region Code', 'Region Name'],
  ['Sub-region Code', 'Sub-region Name'],
  ['Intermediate Region Code', 'Intermediate Region Name'],
] as const;
const areasOfRow = (cells: Record<string, string>) => LEVELS.filter(([code]) => cells[code]).map(([code, name]) => ({ code: pad(cells[code]), name: cells[name] }));
const expected = new Map<string, Expected>();
const areasOf = new Map<string, string[]>();
for (const { cells } of table) {
  const areas = areasOfRow(cells);
  areas.forEach((a, i) => expected.set(a.code, { name: a.name, parent: areas[i - 1]?.code }));
  areasOf.set(cells['ISO3166-1-Alpha-3'], areas.map((a) => a.code));
}

let store: oxigraph.Store;
const select = (q: string) =>
  (store.query(PREFIXES + q) as Map<string, oxigraph.Term>[]).map((row) => Object.fromEntries([...row].map(([k, v]) => [k, v.value])));

beforeAll(() => {
  const { stage, diagnostics, graphs } = runStages(PROJECT_ROOT);
  expect(diagnostics).toEqual([]);
  expect(stage).toBe('done');
  store = new oxigraph.Store();
  store.load(toNTriples(canonicalTriples(graphs!.flatMap((g) => g.quads))), { format: 'application/n-triples' });
});

describe('the M49 scheme', () => {
  it('has one concept per area of the table, with its code as a three-digit string and its English name', () => {
    const concepts = select(`SELECT ?c ?notation ?label WHERE {
      ?c a skos:Concept ; skos:inScheme <${ID}scheme/m49> ; skos:notation ?notation ; skos:prefLabel ?label .
      FILTER(datatype(?notation) = xsd:string && LANG(?label) = "en") }`);
    expect(concepts.length).toBe(expected.size);
    for (const c of concepts) {
      expect(c.c).toBe(`${ID}m49/${c.notation}`);
      expect(c.notation).toMatch(/^[0-9]{3}$/);
      expect(c.label, c.notation).toBe(expected.get(c.notation)?.name);
    }
    expect(select(`SELECT ?l WHERE { <${ID}m49/002> skos:prefLabel ?l }`)).toEqual([{ l: 'Africa' }]);
    expect(select(`SELECT ?n WHERE { <${ID}m49/009> skos:notation ?n }`)).toEqual([{ n: '009' }]);
  });

  it('invents no French name: the table has none', () => {
    expect(select(`SELECT ?c WHERE { ?c skos:inScheme <${ID}scheme/m49> ; skos:prefLabel ?l FILTER(LANG(?l) != "en") }`)).toEqual([]);
  });

  it('is a hierarchy under the world (001), with broader and narrower both ways', () => {
    expect(select(`SELECT ?c WHERE { <${ID}scheme/m49> skos:hasTopConcept ?c }`)).toEqual([{ c: `${ID}m49/001` }]);
    const broader = select(`SELECT ?c ?b WHERE { ?c skos:inScheme <${ID}scheme/m49> ; skos:broader ?b }`);
    expect(broader.length).toBe(expected.size - 1);
    for (const { c, b } of broader) expect(b, c).toBe(`${ID}m49/${expected.get(c.slice(-3))!.parent}`);
    expect(select('SELECT ?c ?b WHERE { ?c skos:broader ?b FILTER NOT EXISTS { ?b skos:narrower ?c } }')).toEqual([]);
    expect(select('SELECT ?c ?b WHERE { ?b skos:narrower ?c FILTER NOT EXISTS { ?c skos:broader ?b } }')).toEqual([]);
  });

  it('links every published State to each of its areas, and to nothing else', () => {
    const states = select('SELECT ?iso (GROUP_CONCAT(?code; separator=" ") AS ?codes) WHERE { ?s a iscm:State ; iscm:iso3166Alpha3 ?iso . OPTIONAL { ?s iscm:m49Area/skos:notation ?code } } GROUP BY ?iso');
    expect(states.length).toBeGreaterThan(150);
    for (const s of states) expect((s.codes ?? '').split(' ').filter(Boolean).sort(), s.iso).toEqual([...areasOf.get(s.iso)!].sort());
  });

  it('answers "members by region" in one query', () => {
    const byRegion = select(`SELECT ?region (COUNT(DISTINCT ?state) AS ?members) WHERE {
      ?m org:organization <${ID}process/berne-initiative> ; org:role/skos:notation "member-state" ; org:member ?state .
      ?state iscm:m49Area ?area . ?area skos:broader <${ID}m49/001> ; skos:prefLabel ?region .
    } GROUP BY ?region`);
    // The same count made by hand: the member states' ISO codes, looked up in the table.
    const members = select(`SELECT DISTINCT ?iso WHERE {
      ?m org:organization <${ID}process/berne-initiative> ; org:role/skos:notation "member-state" ; org:member/iscm:iso3166Alpha3 ?iso }`);
    const region = new Map(table.map(({ cells }) => [cells['ISO3166-1-Alpha-3'], cells['Region Name']]));
    const counted = new Map<string, number>();
    for (const { iso } of members) if (region.get(iso)) counted.set(region.get(iso)!, (counted.get(region.get(iso)!) ?? 0) + 1);
    expect(Object.fromEntries(byRegion.map((r) => [r.region, Number(r.members)]))).toEqual(Object.fromEntries(counted));
    expect(members.length).toBe(121);
    expect(counted.size).toBe(5);
  });
});
