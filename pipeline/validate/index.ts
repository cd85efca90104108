// Stage 2, validate: every record against its schema, then the checks that span records
// (ids unique across files, references to records and concepts that exist). Pure.

import { error, type Diagnostic, type Location } from '../diagnostics.ts';
import { slugify, type SchemeId } from '../iri.ts';
import type { LoadedProject, Table } from '../load/index.ts';
import { locate, type YamlSource } from '../load/yaml.ts';
import { checkMechanism } from './mechanism.ts';
import { checkSchema, type SchemaName } from './schema-check.ts';
import { ROLES } from './schemas.ts';
import type { AliasRecord, MechanismRecord, OrganizationRecord, PlaceRecord, VocabularyRecord } from './types.ts';

export interface Item<T> {
  record: T;
  source: YamlSource;
  path: (string | number)[];
}

export interface Vocabulary {
  scheme: NonNullable<VocabularyRecord['scheme']>;
  concepts: Item<VocabularyRecord['concepts'][number]>[];
}

export interface ValidProject {
  mechanisms: Item<MechanismRecord>[];
  organizations: Item<OrganizationRecord>[];
  places: Item<PlaceRecord>[];
  aliases: Item<AliasRecord>[];
  vocabularies: Record<SchemeId, Vocabulary>;
  countries: Table;
  corrections: Table;
}

const SAFE_FILE_NAME = /^[a-z0-9]+(?:[.-][a-z0-9]+)*\.ya?ml$/;
const SCHEMES: SchemeId[] = ['mechanism-type', 'role', 'theme', 'meeting-type'];
const COUNTRY_COLUMNS = [
  'ISO3166-1-Alpha-2',
  'ISO3166-1-Alpha-3',
  'ISO3166-1-numeric',
  'M49',
  'official_name_fr',
  'official_name_en',
  'Geoname ID',
  'wikidata_id',
];

/** The reference data (everything but the mechanism records), valid on its own. */
export type ValidReference = Omit<ValidProject, 'mechanisms'>;

/** What the checks across mechanism records need to know of one record. */
export interface MechanismRef {
  id: string;
  /** Where the record's `id` stands. */
  at: Location;
  related: { mechanism: string; at: Location }[];
}

export function validate(p: LoadedProject): { project?: ValidProject; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const reference = validateReference(p);
  const mechanisms: Item<MechanismRecord>[] = [];
  const refs: MechanismRef[] = [];
  for (const s of p.mechanisms) {
    const m = validateMechanism(s, reference.vocabularies);
    out.push(...m.diagnostics);
    if (m.item) mechanisms.push(m.item), refs.push(m.ref!);
  }
  out.push(...reference.diagnostics, ...checkAcrossMechanisms(refs));
  if (out.length) return { diagnostics: out };
  return { project: { ...reference.reference!, mechanisms }, diagnostics: [] };
}

/** One mechanism record: its schema, the checks within it and its references to concepts. */
export function validateMechanism(
  s: YamlSource,
  vocabularies: Partial<Record<SchemeId, Vocabulary>>,
): { item?: Item<MechanismRecord>; ref?: MechanismRef; diagnostics: Diagnostic[] } {
  const schema = checkSchema('mechanism', s);
  if (schema.length) return { diagnostics: schema };
  const r = s.value as MechanismRecord;
  const out = checkMechanism(s, r);
  const conceptIds = Object.fromEntries(SCHEMES.map((scheme) => [scheme, new Set(vocabularies[scheme]?.concepts.map((c) => c.record.id))]));
  const ref = (ok: boolean, what: string, path: (string | number)[]) => {
    if (!ok) out.push(error('unknown-concept', what, locate(s, path)));
  };
  r.type?.forEach((t, i) => ref(conceptIds['mechanism-type'].has(t.concept), `no mechanism type "${t.concept}"`, ['type', i, 'concept']));
  r.themes?.forEach((g, i) =>
    g.items.forEach((t, j) => ref(conceptIds.theme.has(t.concept), `no theme "${t.concept}"`, ['themes', i, 'items', j, 'concept'])),
  );
  r.meetings?.forEach((m, i) => m.type && ref(conceptIds['meeting-type'].has(m.type), `no meeting type "${m.type}"`, ['meetings', i, 'type']));
  return {
    item: { record: r, source: s, path: [] },
    ref: {
      id: r.id,
      at: locate(s, ['id']),
      related: (r.related ?? []).map((x, i) => ({ mechanism: x.mechanism, at: locate(s, ['related', i, 'mechanism']) })),
    },
    diagnostics: out,
  };
}

/** Mechanism ids are unique, and `related` names a mechanism that exists. */
export function checkAcrossMechanisms(refs: readonly MechanismRef[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, MechanismRef>();
  for (const m of refs) {
    const seen = first.get(m.id);
    if (seen) out.push(error('duplicate-id', `the mechanism id "${m.id}" is already used at ${seen.at.file}:${seen.at.line}`, m.at));
    else first.set(m.id, m);
  }
  for (const m of refs)
    for (const x of m.related)
      if (!first.has(x.mechanism)) out.push(error('missing-reference', `no mechanism has the id "${x.mechanism}"`, x.at));
  return out;
}

/** Everything but the mechanism records: reference data, vocabularies, the country table. */
export function validateReference(p: Omit<LoadedProject, 'mechanisms' | 'files'>): { reference?: ValidReference; vocabularies: Partial<Record<SchemeId, Vocabulary>>; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const accepted = (name: SchemaName, s: YamlSource) => {
    const ds = checkSchema(name, s);
    out.push(...ds);
    return ds.length === 0;
  };
  const items = <T>(name: SchemaName, sources: YamlSource[]): Item<T>[] =>
    sources.filter((s) => accepted(name, s)).flatMap((s) => (s.value as T[]).map((record, i) => ({ record, source: s, path: [i] })));

  // A mechanism's file is named by its id, a slug; the others are named freely.
  for (const s of [...p.organizations, ...p.places, ...p.aliases, ...p.vocabularies])
    if (!SAFE_FILE_NAME.test(s.file.replace(/^.*\//, '')))
      out.push(error('invalid-file-name', 'file names become part of IRIs (the build\'s provenance): use a-z, 0-9, "-" and "." only', { file: s.file, line: 1, column: 1 }));

  const organizations = items<OrganizationRecord>('organizations', p.organizations);
  const places = items<PlaceRecord>('places', p.places);
  const aliases = items<AliasRecord>('aliases', p.aliases);

  const vocabularies = {} as Record<SchemeId, Vocabulary>;
  for (const s of p.vocabularies) {
    const scheme = s.file.replace(/^.*\//, '').split('.')[0] as SchemeId;
    if (!SCHEMES.includes(scheme)) {
      out.push(error('unknown-scheme', `"${scheme}" is not a vocabulary of ${SCHEMES.join(', ')}`, locate(s, [])));
      continue;
    }
    if (!accepted('vocabulary', s)) continue;
    const v = s.value as VocabularyRecord;
    const target = (vocabularies[scheme] ??= { scheme: undefined as never, concepts: [] });
    if (v.scheme) {
      if (target.scheme) out.push(error('duplicate-scheme', `the scheme "${scheme}" is described twice`, locate(s, ['scheme'])));
      target.scheme = v.scheme;
    }
    target.concepts.push(...v.concepts.map((record, i) => ({ record, source: s, path: ['concepts', i] })));
  }
  for (const scheme of SCHEMES)
    if (!vocabularies[scheme]?.scheme)
      out.push(error('missing-scheme', `no file describes the scheme "${scheme}"`, { file: `sources/vocabularies/${scheme}.yaml`, line: 1, column: 1 }));

  unique(organizations, (o) => o.record.id, 'organisation', out, ['id']);
  unique(places, (o) => o.record.id, 'place', out, ['id']);
  for (const scheme of SCHEMES) unique(vocabularies[scheme]?.concepts ?? [], (c) => c.record.id, `${scheme} concept`, out, ['id']);

  const conceptIds = Object.fromEntries(SCHEMES.map((s) => [s, new Set(vocabularies[s]?.concepts.map((c) => c.record.id))]));
  const has = (scheme: SchemeId, id: string) => conceptIds[scheme].has(id);
  const roles = vocabularies.role?.concepts.map((c) => c.record.notation) ?? [];
  // A role's IRI is minted from its notation as a concept id, so both must be there.
  for (const r of ROLES)
    if (!roles.includes(r) || !has('role', r))
      out.push(error('missing-concept', `the role scheme lacks the concept "${r}" (its id and notation)`, { file: 'sources/vocabularies/role.yaml', line: 1, column: 1 }));

  const orgIds = new Set(organizations.map((o) => o.record.id));
  for (const o of organizations)
    if (o.record.unit_of && !orgIds.has(o.record.unit_of))
      out.push(error('missing-reference', `no organisation has the id "${o.record.unit_of}"`, locate(o.source, [...o.path, 'unit_of'])));

  const header = p.countries.rows[0] ? Object.keys(p.countries.rows[0].cells) : [];
  for (const c of COUNTRY_COLUMNS)
    if (!header.includes(c)) out.push(error('missing-column', `the country table lacks the column "${c}"`, { file: p.countries.file, line: 1, column: 1 }));
  out.push(...checkCountryTable(p.countries, p.corrections, header));
  const alpha3 = new Set(p.countries.rows.map((r) => r.cells['ISO3166-1-Alpha-3']));
  for (const pl of places)
    if (!alpha3.has(pl.record.country))
      out.push(error('missing-reference', `no country has the code "${pl.record.country}"`, locate(pl.source, [...pl.path, 'country'])));

  out.push(...checkUnresolvedSlugs(aliases));

  if (out.length) return { vocabularies, diagnostics: out };
  return { reference: { organizations, places, aliases, vocabularies, countries: p.countries, corrections: p.corrections }, vocabularies, diagnostics: [] };
}

function unique<T>(xs: Item<T>[], key: (x: Item<T>) => string, what: string, out: Diagnostic[], keyPath: string[]) {
  const seen = new Map<string, Item<T>>();
  for (const x of xs) {
    const k = key(x);
    const first = seen.get(k);
    if (first)
      out.push(
        error('duplicate-id', `the ${what} id "${k}" is already used at ${first.source.file}:${locate(first.source, [...first.path, ...keyPath]).line}`, locate(x.source, [...x.path, ...keyPath])),
      );
    else seen.set(k, x);
  }
}

// Cells of the country table that become IRI path segments (id:state/{alpha-3}, id:m49/{code}),
// after the corrections are applied, as reconcile applies them.
const IRI_CELLS: Record<string, RegExp> = {
  'ISO3166-1-Alpha-3': /^[A-Z]{3}$/,
  M49: /^[0-9]{1,3}$/,
  'Global Code': /^[0-9]{1,3}$/,
  'Region Code': /^[0-9]{1,3}$/,
  'Sub-region Code': /^[0-9]{1,3}$/,
  'Intermediate Region Code': /^[0-9]{1,3}$/,
};

function checkCountryTable(countries: Table, corrections: Table, header: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rowAt = (t: Table, line: number) => ({ file: t.file, line, column: 1 });
  const alpha3 = (cells: Record<string, string>) => cells['ISO3166-1-Alpha-3'];
  const known = new Set(countries.rows.map((r) => alpha3(r.cells)));
  const fixes = new Map<string, Record<string, string>>();
  for (const r of corrections.rows) {
    if (!known.has(r.cells.alpha3))
      out.push(error('missing-reference', `no country has the code "${r.cells.alpha3}"`, rowAt(corrections, r.line)));
    else if (!header.includes(r.cells.field))
      out.push(error('unknown-key', `the country table has no column "${r.cells.field}"`, rowAt(corrections, r.line)));
    else fixes.set(r.cells.alpha3, { ...fixes.get(r.cells.alpha3), [r.cells.field]: r.cells.value });
  }
  const seen = new Map<string, number>();
  for (const r of countries.rows) {
    const cells = { ...r.cells, ...fixes.get(alpha3(r.cells)) };
    for (const [column, pattern] of Object.entries(IRI_CELLS))
      if (cells[column] && !pattern.test(cells[column]))
        out.push(error('bad-format', `"${cells[column]}" is not a valid ${column}`, rowAt(countries, r.line)));
    const first = seen.get(alpha3(cells));
    if (first !== undefined)
      out.push(error('duplicate-id', `the country code "${alpha3(cells)}" is already used on line ${first}`, rowAt(countries, r.line)));
    else seen.set(alpha3(cells), r.line);
  }
  return out;
}

/**
 * A name listed as unresolved becomes the agent id:agent/{slug of the name}: the slug must
 * not be empty, and two different names must not share one, or two agents would become one.
 */
function checkUnresolvedSlugs(aliases: Item<AliasRecord>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const owners = new Map<string, Item<AliasRecord>>();
  for (const a of aliases) {
    if (!('unresolved' in a.record)) continue;
    const slug = slugify(a.record.name);
    const at = locate(a.source, [...a.path, 'name']);
    const first = owners.get(slug);
    if (!slug) out.push(error('invalid-slug', `"${a.record.name}" has no letter or digit of a-z and 0-9 to make its agent IRI from`, at));
    else if (first && first.record.name !== a.record.name)
      out.push(
        error('duplicate-id', `"${a.record.name}" would have the agent id "${slug}" of "${first.record.name}" (${first.source.file}:${locate(first.source, [...first.path, 'name']).line})`, at),
      );
    else if (!first) owners.set(slug, a);
  }
  return out;
}
