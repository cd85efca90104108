// Stage 2, validate: every record against its schema, then the checks that span records
// (ids unique across files, references to records and concepts that exist). Pure.

import { error, type Diagnostic } from '../diagnostics.ts';
import type { SchemeId } from '../iri.ts';
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

export function validate(p: LoadedProject): { project?: ValidProject; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const accepted = (name: SchemaName, s: YamlSource) => {
    const ds = checkSchema(name, s);
    out.push(...ds);
    return ds.length === 0;
  };
  const items = <T>(name: SchemaName, sources: YamlSource[]): Item<T>[] =>
    sources.filter((s) => accepted(name, s)).flatMap((s) => (s.value as T[]).map((record, i) => ({ record, source: s, path: [i] })));

  const mechanisms = p.mechanisms
    .filter((s) => accepted('mechanism', s))
    .map((s) => ({ record: s.value as MechanismRecord, source: s, path: [] }));
  for (const m of mechanisms) out.push(...checkMechanism(m.source, m.record));
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
      out.push(error('missing-scheme', `no file describes the scheme "${scheme}"`, { file: `sources/vocabularies/${scheme}.yaml` }));

  unique(mechanisms, (m) => m.record.id, 'mechanism', out, ['id']);
  unique(organizations, (o) => o.record.id, 'organisation', out, ['id']);
  unique(places, (o) => o.record.id, 'place', out, ['id']);
  for (const scheme of SCHEMES) unique(vocabularies[scheme]?.concepts ?? [], (c) => c.record.id, `${scheme} concept`, out, ['id']);

  const has = (scheme: SchemeId, id: string) => vocabularies[scheme]?.concepts.some((c) => c.record.id === id);
  const roles = vocabularies.role?.concepts.map((c) => c.record.notation) ?? [];
  for (const r of ROLES)
    if (!roles.includes(r)) out.push(error('missing-concept', `the role scheme lacks the notation "${r}"`, { file: 'sources/vocabularies/role.yaml' }));

  const mechanismIds = new Set(mechanisms.map((m) => m.record.id));
  for (const { record: r, source } of mechanisms) {
    const ref = (ok: boolean | undefined, what: string, path: (string | number)[], code = 'unknown-concept') => {
      if (!ok) out.push(error(code, what, locate(source, path)));
    };
    r.type?.forEach((t, i) => ref(has('mechanism-type', t.concept), `no mechanism type "${t.concept}"`, ['type', i, 'concept']));
    r.themes?.forEach((g, i) =>
      g.items.forEach((t, j) => ref(has('theme', t.concept), `no theme "${t.concept}"`, ['themes', i, 'items', j, 'concept'])),
    );
    r.meetings?.forEach((m, i) => m.type && ref(has('meeting-type', m.type), `no meeting type "${m.type}"`, ['meetings', i, 'type']));
    r.related?.forEach((x, i) =>
      ref(mechanismIds.has(x.mechanism), `no mechanism has the id "${x.mechanism}"`, ['related', i, 'mechanism'], 'missing-reference'),
    );
  }

  const orgIds = new Set(organizations.map((o) => o.record.id));
  for (const o of organizations)
    if (o.record.unit_of && !orgIds.has(o.record.unit_of))
      out.push(error('missing-reference', `no organisation has the id "${o.record.unit_of}"`, locate(o.source, [...o.path, 'unit_of'])));

  const header = p.countries.rows[0] ? Object.keys(p.countries.rows[0].cells) : [];
  for (const c of COUNTRY_COLUMNS)
    if (!header.includes(c)) out.push(error('missing-column', `the country table lacks the column "${c}"`, { file: p.countries.file, line: 1, column: 1 }));
  const alpha3 = new Set(p.countries.rows.map((r) => r.cells['ISO3166-1-Alpha-3']));
  for (const pl of places)
    if (!alpha3.has(pl.record.country))
      out.push(error('missing-reference', `no country has the code "${pl.record.country}"`, locate(pl.source, [...pl.path, 'country'])));

  if (out.length) return { diagnostics: out };
  return {
    project: { mechanisms, organizations, places, aliases, vocabularies, countries: p.countries, corrections: p.corrections },
    diagnostics: [],
  };
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
