// Property-based tests (fast-check) of the stages from YAML text to a graph checked with SHACL.
//
// 1. Random valid mechanism records, built from the schema (pipeline/validate/schemas.ts) and
//    the real reference data (state names that resolve exactly in sources/reference/countries.csv,
//    organisations, places, vocabulary concepts), with real dates and printable Unicode text,
//    pass every stage, conform to ontology/shapes.ttl and keep every name they print.
// 2. Random mutations of such records (a required key deleted, an unknown key added, a value of
//    the wrong type, a broken date, an unsafe slug) always fail with a located diagnostic of the
//    expected code; random bytes written into them never make a stage throw.
//
// The records go through the stages in memory (tests/helpers/records.ts); numRuns stays modest.

import fc from 'fast-check';
import * as oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../pipeline/diagnostics.ts';
import { makeIris } from '../pipeline/iri.ts';
import type { LoadedProject } from '../pipeline/load/index.ts';
import { locate, parseYaml } from '../pipeline/load/yaml.ts';
import { countryNameIndex } from '../pipeline/reconcile/countries.ts';
import { toNTriples } from '../pipeline/serialize/ntriples.ts';
import { ROLES, mechanismSchema, SLUG_PATTERNS } from '../pipeline/validate/schemas.ts';
import type { AliasRecord, OrganizationRecord, PlaceRecord, VocabularyRecord } from '../pipeline/validate/types.ts';
import { removeProjects } from './helpers/project.ts';
import { projectWithoutMechanisms, runFiles } from './helpers/records.ts';

const FILE = 'sources/mechanisms/generated.yaml';
const SEED = 20_040_216;
const iris = makeIris();

type Path = (string | number)[];
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

let base: LoadedProject;
let names: { states: string[]; organizations: string[]; places: string[]; concepts: Record<'mechanism-type' | 'theme' | 'meeting-type', string[]> };

beforeAll(() => {
  base = projectWithoutMechanisms();
  const values = <T>(sources: { value: unknown }[]) => sources.flatMap((s) => s.value as T[]);
  // Names listed in an alias file resolve through it, or stay unresolved: left out.
  const aliased = new Set(values<AliasRecord>(base.aliases).map((a) => a.name));
  const orgNames = new Map<string, Set<string>>();
  for (const o of values<OrganizationRecord>(base.organizations))
    for (const lang of ['fr', 'en'] as const)
      for (const n of [o.names[lang], o.acronyms?.[lang]]) if (n) orgNames.set(n, (orgNames.get(n) ?? new Set()).add(o.id));
  const stateNames = [...countryNameIndex(base.countries, base.corrections).keys()];
  const placeNames = values<PlaceRecord>(base.places).flatMap((p) => Object.values(p.names) as string[]);
  const concepts = (scheme: string) =>
    base.vocabularies.filter((s) => s.file.split('/').pop()!.startsWith(`${scheme}.`)).flatMap((s) => (s.value as VocabularyRecord).concepts.map((c) => c.id));
  const usable = (n: string) => !aliased.has(n) && !/^\s|\s$/.test(n);
  names = {
    // A name that is both a state's and an organisation's is ambiguous where either may stand.
    states: stateNames.filter((n) => usable(n) && !orgNames.has(n)).sort(),
    organizations: [...orgNames].filter(([n, ids]) => ids.size === 1 && usable(n) && !stateNames.includes(n)).map(([n]) => n).sort(),
    places: [...new Set(placeNames)].filter((n) => usable(n) && placeNames.filter((x) => x === n).length === 1).sort(),
    concepts: { 'mechanism-type': concepts('mechanism-type'), theme: concepts('theme'), 'meeting-type': concepts('meeting-type') },
  };
});
afterAll(removeProjects);

// ---------------------------------------------------------------- valid records

const lang = fc.constantFrom('fr', 'en');
/** Printable text, possibly in NFD, with no control character; YAML quotes what it must. */
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s));
const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const year = fc.integer({ min: 1950, max: 2030 });
/** A real date as YYYY, YYYY-MM or YYYY-MM-DD, and a later-or-equal one of the same precision. */
const period = fc
  .tuple(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }), fc.integer({ min: 0, max: 400 }), fc.constantFrom(4, 7, 10))
  .map(([d, days, precision]) => {
    const end = new Date(d.getTime() + days * 86_400_000);
    return { start: d.toISOString().slice(0, precision), end: end.toISOString().slice(0, precision) };
  });
const pick = <T>(xs: () => T[]) => fc.integer({ min: 0, max: 1_000_000 }).map((i) => xs()[i % xs().length]);
const some = <T>(xs: () => T[], max: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: max }).map((is) => [...new Set(is.map((i) => xs()[i % xs().length]))]);

const sourceIds = fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,6}(-[A-Za-z0-9]{1,4})?$/), { minLength: 1, maxLength: 3, selector: (s) => s.toLowerCase() });

/** A valid mechanism record with id `generated`, as plain data. */
const validRecord = sourceIds.chain((ids) => {
  const source = fc.subarray(ids, { minLength: 1 });
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const list = <T>(a: fc.Arbitrary<T>, max = 2) => opt(fc.array(a, { minLength: 1, maxLength: max }));
  const entry = (pool: () => string[]) =>
    fc.oneof(
      pick(pool),
      fc.record(
        { name: pick(pool), period_as_printed: opt(text), start: opt(period.map((p) => p.start)), status: opt(fc.constantFrom('current', 'past', 'incoming')), role_as_printed: opt(text), note: opt(text) },
        { requiredKeys: ['name'] },
      ),
    );
  const participantList = fc.constantFrom(...ROLES).chain((role) => {
    const pool = role.endsWith('organization') ? () => names.organizations : () => names.states;
    return fc.record({
      role: fc.constant(role),
      heading_as_printed: opt(text),
      lang,
      source,
      note: opt(text),
      // One entry per name: two names of one agent from one start are one membership.
      listed: fc.uniqueArray(entry(pool), { maxLength: 4, selector: (e) => (typeof e === 'string' ? e : e.name) }),
      completeness: fc.constantFrom('complete', 'partial', 'unknown count'),
      extra: fc.nat({ max: 50 }),
    });
  });
  return fc
    .record({
      name: fc.record({ fr: text, en: text }, { requiredKeys: [] }).filter((n) => Object.keys(n).length > 0),
      main: fc.nat({ max: ids.length - 1 }),
      other_names: list(fc.record({ name: text, lang: fc.constantFrom('fr', 'en', 'es'), source })),
      acronyms: list(fc.record({ acronym: text, lang, source })),
      type: list(fc.record({ concept: pick(() => names.concepts['mechanism-type']), as_printed: text, lang, source })),
      region_covered: list(fc.record({ as_printed: text, lang, source })),
      formal_association: list(fc.record({ as_printed: text, lang, organizations: some(() => names.organizations, 2), source })),
      established: opt(fc.tuple(year, fc.nat({ max: 20 }), source)),
      status_notes: list(fc.record({ text, lang, source })),
      launched_by: list(fc.record({ name: pick(() => names.states), lang, source })),
      objectives: list(fc.record({ text, lang, source })),
      themes: list(fc.record({ heading_as_printed: opt(text), lang, complete: opt(fc.boolean()), source, items: some(() => names.concepts.theme, 3) })),
      participants: list(participantList, 3),
      meetings: list(
        fc.record({ title: opt(text), lang, type: opt(pick(() => names.concepts['meeting-type'])), dates: opt(period), place: opt(pick(() => names.places)), country: opt(pick(() => names.states)), source }),
        3,
      ),
      documents: list(fc.record({ title: text, lang, language: fc.constantFrom('ar', 'de', 'en', 'es', 'fr', 'it', 'pt', 'ru', 'zh', 'und'), source, outcome: fc.boolean() }), 2),
      slugs: fc.uniqueArray(slug, { minLength: 8, maxLength: 8 }),
      related: fc.boolean(),
    })
    .map((g) => {
      const r: Record<string, Json | undefined> = {
        id: 'generated',
        name: g.name,
        other_names: g.other_names,
        acronyms: g.acronyms,
        sources: ids.map((id, i) => ({ id, url: `https://example.org/${g.slugs[i]}/${encodeURIComponent(id)}`, ...(i === g.main ? { main: true } : {}) })),
        type: g.type,
        region_covered: g.region_covered,
        formal_association: g.formal_association,
        status_notes: g.status_notes,
        launched_by: g.launched_by,
        objectives: g.objectives,
      };
      if (g.established) {
        const [y, length, s] = g.established;
        r.established = [{ year: y, source: s }];
        r.concluded = [{ year: y + length, source: s }];
      }
      r.themes = g.themes?.filter((t) => t.items.length).map(({ items, ...t }) => ({ ...t, items: items.map((concept) => ({ concept, as_printed: concept })) })) as Json;
      r.participants = g.participants?.map(({ completeness, extra, ...p }, i) => ({
        ...p,
        part: `list-${i}`,
        complete: completeness === 'complete',
        declared_count: completeness === 'unknown count' ? null : p.listed.length + (completeness === 'partial' ? extra : 0),
      })) as Json;
      r.meetings = g.meetings?.map(({ dates, ...m }, i) => ({ id: `${g.slugs[4]}-${i}`, ...m, ...(dates ?? {}) })) as Json;
      r.documents = g.documents?.map(({ outcome: _, ...d }, i) => ({ id: `${g.slugs[5]}-${i}`, ...d }));
      const outcomes = g.documents?.flatMap((d, i) => (d.outcome ? [{ document: `${g.slugs[5]}-${i}`, source: d.source }] : []));
      if (outcomes?.length) r.outcomes = outcomes;
      if (g.related) r.related = [{ mechanism: 'generated', relation: 'paved-the-way-for', source: [ids[g.main]] }];
      return JSON.parse(JSON.stringify(r)) as { [key: string]: Json };
    });
});

const where = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, column: d.column });
const located = (d: Diagnostic) => d.severity === 'error' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(d.code) && d.file === FILE && d.line! >= 1 && d.column! >= 1;

describe('random valid records', () => {
  it('pass every stage, conform to the shapes and keep every name they print', async () => {
    await fc.assert(
      fc.asyncProperty(validRecord, async (record) => {
        const run = await runFiles(base, { [FILE]: stringify(record) }, true);
        expect(run.diagnostics).toEqual([]);
        expect(run.stage).toBe('done');
        // The dump is valid N-Triples for a parser other than the writer's.
        const store = new oxigraph.Store();
        store.load(toNTriples(run.triples!), { format: 'application/n-triples' });
        const P = oxigraph.namedNode(iris.process('generated'));
        const has = (p: string, o: oxigraph.Term) => store.match(P, oxigraph.namedNode(p), o).length === 1;
        const SKOS = 'http://www.w3.org/2004/02/skos/core#';
        for (const [l, n] of Object.entries(record.name as Record<string, string>)) expect(has(`${SKOS}prefLabel`, oxigraph.literal(n.normalize('NFC'), l))).toBe(true);
        const printed = new Set(store.match(null, oxigraph.namedNode(iris.term('nameAsPrinted')), null).map((q) => q.object.value));
        for (const list of (record.participants ?? []) as { listed: (string | { name: string })[] }[])
          for (const e of list.listed) expect(printed.has(typeof e === 'string' ? e : e.name)).toBe(true);
      }),
      { numRuns: 25, seed: SEED },
    );
  });
});

// ---------------------------------------------------------------- mutations

/** What the schema says about the value at `path` of a record. */
function schemaAt(path: Path): { type?: unknown; pattern?: string; required?: string[]; properties?: Record<string, unknown> } | undefined {
  let s: Record<string, unknown> | undefined = mechanismSchema as unknown as Record<string, unknown>;
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') s = s.items as Record<string, unknown>;
    else if (s.oneOf) s = ((s.oneOf as Record<string, unknown>[])[1].properties as Record<string, Record<string, unknown>>)[seg];
    else s = (s.properties as Record<string, Record<string, unknown>> | undefined)?.[seg];
  }
  if (s?.oneOf) return (s.oneOf as Record<string, unknown>[])[1] as never;
  return s as never;
}

function nodes(v: Json, prefix: Path = []): { path: Path; value: Json }[] {
  if (Array.isArray(v)) return [{ path: prefix, value: v }, ...v.flatMap((x, i) => nodes(x, [...prefix, i]))];
  if (v && typeof v === 'object') return [{ path: prefix, value: v }, ...Object.entries(v).flatMap(([k, x]) => nodes(x, [...prefix, k]))];
  return [{ path: prefix, value: v }];
}

function setIn(root: Json, path: Path, value: Json | undefined): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

interface Mutation {
  kind: string;
  record: Json;
  /** The codes any of which is right, at the place the fault is reported. */
  codes: string[];
  at: Path;
  key?: boolean;
}

const UNSAFE_SLUGS = ['A/B', '../x', 'a b', '<x>', 'é', 'a--b', '', 'a.b'];
const BROKEN_DATES: [string, string][] = [
  ['2004-02-30', 'impossible-date'],
  ['2003-02-29', 'impossible-date'],
  ['2004-13-01', 'impossible-date'],
  ['2004-00-10', 'impossible-date'],
  ['2004-04-31', 'impossible-date'],
  ['16/12/2004', 'bad-format'],
  ['2004-1-5', 'bad-format'],
  ['04-12-16', 'bad-format'],
];

/** Every mutation of `record` that must fail, for fast-check to choose from. */
function mutations(record: Json): Mutation[] {
  const out: Mutation[] = [];
  for (const { path, value } of nodes(record)) {
    const s = schemaAt(path);
    const last = path[path.length - 1];
    if (value && typeof value === 'object' && !Array.isArray(value) && s) {
      for (const key of s.required ?? []) out.push({ kind: `delete required ${key}`, record: setIn(record, [...path, key], undefined), codes: ['missing-key'], at: path });
      out.push({ kind: 'add an unknown key', record: setIn(record, [...path, 'zz_unknown'], 1), codes: ['unknown-key'], at: [...path, 'zz_unknown'], key: true });
    }
    if (typeof value === 'string' && path.length) out.push({ kind: `a number for ${String(last)}`, record: setIn(record, path, 42), codes: ['wrong-type'], at: path });
    if (typeof value === 'number') out.push({ kind: `a string for ${String(last)}`, record: setIn(record, path, String(value)), codes: ['wrong-type'], at: path });
    if (typeof value === 'boolean') out.push({ kind: `a string for ${String(last)}`, record: setIn(record, path, 'yes'), codes: ['wrong-type', 'unknown-value'], at: path });
    if (Array.isArray(value) && path.length) out.push({ kind: `a mapping for ${String(last)}`, record: setIn(record, path, { a: 1 }), codes: ['wrong-type'], at: path });
    if (typeof value === 'string' && s?.pattern && SLUG_PATTERNS.includes(s.pattern))
      for (const bad of UNSAFE_SLUGS) out.push({ kind: `slug ${JSON.stringify(bad)}`, record: setIn(record, path, bad), codes: ['invalid-slug'], at: path });
    if (typeof value === 'string' && (last === 'start' || last === 'end')) {
      for (const [bad, code] of BROKEN_DATES) out.push({ kind: `date ${bad}`, record: setIn(record, path, bad), codes: [code], at: path });
      const other = path.slice(0, -1).concat(last === 'start' ? 'end' : 'start');
      const sibling = nodes(record).find((n) => JSON.stringify(n.path) === JSON.stringify(other))?.value;
      if (typeof sibling === 'string' && last === 'end' && sibling.length === 10 && value >= sibling) {
        const before = new Date(Date.parse(sibling) - 86_400_000).toISOString().slice(0, 10);
        out.push({ kind: 'end before start', record: setIn(record, path, before), codes: ['end-before-start'], at: path });
      }
    }
  }
  return out;
}

describe('random mutations of valid records', () => {
  it('always fail with a located diagnostic of the expected code', async () => {
    const mutated = validRecord.chain((r) => {
      const all = mutations(r);
      return fc.constantFrom(...all);
    });
    await fc.assert(
      fc.asyncProperty(mutated, async (m) => {
        const text = stringify(m.record);
        const run = await runFiles(base, { [FILE]: text });
        expect(run.stage, m.kind).not.toBe('done');
        expect(run.diagnostics.every(located), m.kind).toBe(true);
        const reparsed = parseYaml(FILE, text).source!;
        const expected = m.codes.map((code) => ({ code, ...locate(reparsed, m.at, m.key) }));
        expect(run.diagnostics.map(where).some((d) => expected.some((e) => JSON.stringify(e) === JSON.stringify(d))), `${m.kind}: ${JSON.stringify(run.diagnostics.map(where))}`).toBe(true);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('random bytes written into them never make a stage throw', async () => {
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'delete'), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(validRecord, edits, async (record, changes) => {
        const bytes = [...Buffer.from(stringify(record), 'utf8')];
        for (const [at, how, byte] of changes) {
          const i = at % (bytes.length + 1);
          if (how === 'insert') bytes.splice(i, 0, byte);
          else if (how === 'delete') bytes.splice(i, 1);
          else bytes[Math.min(i, bytes.length - 1)] = byte;
        }
        const run = await runFiles(base, { [FILE]: Buffer.from(bytes) }, true);
        // Either the bytes still make a valid record, or every fault is reported where it is.
        if (run.stage === 'done') expect(run.diagnostics).toEqual([]);
        else {
          expect(run.diagnostics.length).toBeGreaterThan(0);
          for (const d of run.diagnostics) expect(located(d), JSON.stringify(d)).toBe(true);
        }
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
