// The catalogue of 38 mechanisms, checked against IOM's fact sheet read independently of the
// pipeline: every printed list is published with the same declared count, the same number of
// names and the same completeness, so a query can always tell a partial list from a complete one.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparqlOver, type Sparql } from './helpers/sparql.ts';
import { buildInto, ROOT } from './helpers/built.ts';
import { makeIris } from '../pipeline/iri.ts';
import type { MechanismRecord } from '../pipeline/validate/types.ts';

const SHEET = join(ROOT, '..', 'shared', 'facts', 'iscm-facts.yaml');
const LISTS = {
  member_states: 'member-state',
  member_organizations: 'member-organization',
  observer_states: 'observer-state',
  observer_organizations: 'observer-organization',
} as const;

interface SheetList {
  declared_count: number | null;
  declared_as_printed?: string;
  listed: string[];
  complete: boolean;
  other_versions?: SheetList[];
  groups?: SheetList[];
}

let select: Sparql['select'];

/** The mechanism records as the sources hold them, read without the pipeline. */
const records = readdirSync(join(ROOT, 'sources', 'mechanisms'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join(ROOT, 'sources', 'mechanisms', f), 'utf8')) as MechanismRecord);

beforeAll(async () => {
  const out = await buildInto();
  ({ select } = sparqlOver(join(out, 'iscm.nt')));
});

/**
 * "role declared/listed complete" for every printed list. A list with no names, no count and
 * no printed heading ("over 50 governments") is unknown, and is not published.
 */
function expectedLists(item: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [field, role] of Object.entries(LISTS)) {
    const visit = (l: SheetList) => {
      if (l.listed.length > 0 || l.declared_count !== null || l.declared_as_printed) out.push(`${role} ${l.declared_count ?? '-'}/${l.listed.length} ${l.complete}`);
      for (const v of [...(l.other_versions ?? []), ...(l.groups ?? [])])
        visit({ ...v, declared_count: v.declared_count ?? null, listed: v.listed ?? [], complete: v.complete ?? false });
    };
    const list = item[field] as SheetList | undefined;
    if (list) visit(list);
  }
  return out.sort();
}

describe.runIf(existsSync(SHEET))('the catalogue against the fact sheet', () => {
  const sheet = existsSync(SHEET) ? (parse(readFileSync(SHEET, 'utf8')) as Record<string, unknown>[]) : [];

  it('holds all 38 mechanisms', () => {
    const rows = select(`SELECT ?m WHERE { ?m a iscm:ConsultationMechanism }`);
    expect(sheet).toHaveLength(38);
    expect(rows.map((r) => r.m.replace(/^.*\//, '')).sort()).toEqual(sheet.map((i) => String(i.id)).sort());
  });

  it.each(sheet.map((i) => [String(i.id), i] as const))('%s: each printed list has its count, names and completeness', (id, item) => {
    const rows = select(`SELECT ?role ?declared ?listed ?complete WHERE {
      ?l iscm:listOf id:process/${id}; iscm:role/skos:notation ?role; iscm:listedCount ?listed; iscm:isComplete ?complete
      FILTER(?role IN ("member-state", "member-organization", "observer-state", "observer-organization"))
      OPTIONAL { ?l iscm:declaredCount ?declared } }`);
    const actual = rows.map((r) => `${r.role} ${r.declared ?? '-'}/${r.listed} ${r.complete}`).sort();
    expect(actual).toEqual(expectedLists(item));
  });
});

describe('theme lists', () => {
  const iris = makeIris();

  it('publishes every theme group of the sources as a theme list, complete exactly where the sources say so', () => {
    const expected = records.flatMap((r) =>
      (r.themes ?? []).map((g, i) => `${iris.themeList(r.id, g.source, i + 1)} ${g.items.length} ${g.complete === true}`),
    );
    expect(expected.some((e) => e.endsWith(' true'))).toBe(true);
    const rows = select(`SELECT ?l ?listed ?complete WHERE { ?m iscm:themeList ?l . ?l a iscm:ThemeList; iscm:listOf ?m;
      iscm:listedCount ?listed; iscm:isComplete ?complete }`);
    expect(rows.map((r) => `${r.l} ${r.listed} ${r.complete}`).sort()).toEqual(expected.sort());
  });

  it("publishes the Bali Process's cut-off group of themes as partial", () => {
    const rows = select(`SELECT ?listed ?complete WHERE { id:process/bali-process iscm:themeList ?l .
      ?l iscm:headingAsPrinted "The eight areas of cooperation are"@en; iscm:listedCount ?listed; iscm:isComplete ?complete }`);
    expect(rows).toEqual([{ listed: '5', complete: 'false' }]);
  });
});

describe('notes on facts', () => {
  it('publishes the note of every founding or dissolution year on its statement, even when the year is the only one', () => {
    const noted = records.flatMap((r) =>
      (['established', 'concluded'] as const).flatMap((key) =>
        (r[key] ?? []).filter((e) => e.note !== undefined).map((e) => ({ id: r.id, key, year: e.year, note: e.note!, single: r[key]!.length === 1 })),
      ),
    );
    expect(noted.some((n) => n.single)).toBe(true);
    const rows = select(`SELECT ?m ?p ?year ?note WHERE { ?st a rdf:Statement; rdf:subject ?m; rdf:predicate ?p; rdf:object ?year;
      skos:note ?note FILTER(lang(?note) = "en") FILTER EXISTS { ?st dct:source ?src } }`);
    const predicate = { established: 'http://schema.org/foundingDate', concluded: 'http://schema.org/dissolutionDate' };
    const key = (m: string, p: string, year: string | number, note: string) => `${m} ${p} ${year} ${note}`;
    expect(rows.map((r) => key(r.m, r.p, r.year, r.note)).sort()).toEqual(
      noted.map((n) => key(`https://w3id.org/iscm/id/process/${n.id}`, predicate[n.key], n.year, n.note)).sort(),
    );
  });
});

describe('cross-mechanism questions', () => {
  it('states that are members of both MIDSA and MIDCOM', () => {
    const rows = select(`SELECT DISTINCT ?iso WHERE {
      ?a org:organization id:process/midsa; org:role/skos:notation "member-state"; org:member ?s .
      ?b org:organization id:process/midcom; org:role/skos:notation "member-state"; org:member ?s .
      ?s iscm:iso3166Alpha3 ?iso } ORDER BY ?iso`);
    // Reviewed by hand against the two member lists of the fact sheet.
    expect(rows.map((r) => r.iso)).toEqual(['COD', 'COM', 'MDG', 'MUS', 'MWI', 'SWZ', 'SYC', 'ZMB', 'ZWE']);
  });

  it('mechanisms whose secretariat is IOM or a unit of IOM', () => {
    const rows = select(`SELECT DISTINCT ?m WHERE {
      ?ms org:organization ?m; org:role/skos:notation "secretariat"; org:member ?a .
      FILTER(?a = id:organization/iom || EXISTS { ?a org:unitOf id:organization/iom }) } ORDER BY ?m`);
    expect(rows.map((r) => r.m.replace(/^.*\//, ''))).toEqual(expect.arrayContaining(['abu-dhabi-dialogue', 'berne-initiative', 'colombo-process', 'midsa']));
  });

  it.runIf(existsSync(SHEET))('mechanisms per type, as the fact sheet prints the types', () => {
    const sheet = parse(readFileSync(SHEET, 'utf8')) as Record<string, unknown>[];
    const concept = (printed: string) =>
      /global/i.test(printed) ? 'global-process' : /inter-?regional/i.test(printed) ? 'inter-regional-forum' : 'regional-consultative-process';
    const expected: Record<string, number> = {};
    for (const item of sheet) {
      const t = item.type_as_printed as string | { value: string }[] | null;
      const printed = t === null ? [] : typeof t === 'string' ? [t] : t.map((v) => v.value);
      for (const c of new Set(printed.map(concept))) expected[c] = (expected[c] ?? 0) + 1;
    }
    const rows = select(`SELECT ?type (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m iscm:mechanismType ?t . BIND(STRAFTER(STR(?t), "mechanism-type/") AS ?type) } GROUP BY ?type`);
    expect(Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]))).toEqual(expected);
  });
});
