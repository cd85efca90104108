// The catalogue of 38 mechanisms, checked against IOM's fact sheet read independently of the
// pipeline: every printed list is published with the same declared count, the same number of
// names and the same completeness, so a query can always tell a partial list from a complete one.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { sparqlOver, type Sparql } from './helpers/sparql.ts';
import { buildInto, ROOT } from './helpers/built.ts';

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
