// Stage 3, reconcile: every printed name becomes a state, an organisation, a place or an
// explicitly unresolved agent. Exact matches first, then reviewed aliases; a name that
// neither resolves nor is listed as unresolved fails the build. Nothing is guessed.

import { error, type Diagnostic, type Location } from '../diagnostics.ts';
import { slugify, type AgentRef } from '../iri.ts';
import { locate } from '../load/yaml.ts';
import type { ValidProject, ValidReference } from '../validate/index.ts';
import type { Item } from '../validate/index.ts';
import type { Lang, MechanismRecord, OrganizationRecord, ParticipantEntryObject, PlaceRecord, Role } from '../validate/types.ts';
import { countryNameIndex, readCountries, type Country } from './countries.ts';

export type Kind = 'state' | 'organization' | 'place';
export type Method = 'exact' | 'alias' | 'unresolved';

export type Target = AgentRef | { kind: 'place'; id: string } | { kind: 'unresolved-place'; id: string };

export interface Resolution {
  target: Target;
  method: Method;
  reason?: string;
}

export interface Occurrence extends Location {
  mechanism: string;
  name: string;
  lang: Lang;
  context: string;
  resolution: Resolution;
}

export interface Reconciled {
  project: ValidProject;
  /** Resolution of a printed name in a given context; every name of a valid record has one. */
  resolve(name: string, lang: Lang, kinds: readonly Kind[]): Resolution;
  occurrences: Occurrence[];
  countries: Map<string, Country>;
  organizations: Map<string, OrganizationRecord>;
  places: Map<string, PlaceRecord>;
  unresolved: Map<string, { name: string; lang: Lang; reason: string }>;
}

const ANY: readonly Kind[] = ['state', 'organization'];
const ROLE_KINDS: Record<Role, readonly Kind[]> = {
  'member-state': ['state'],
  'observer-state': ['state'],
  'member-organization': ['organization'],
  'observer-organization': ['organization'],
  secretariat: ANY,
  chair: ANY,
  'co-chair': ANY,
  'steering-group-member': ANY,
};

export function kindsForRole(role: Role): readonly Kind[] {
  return ROLE_KINDS[role];
}

export function reconcile(project: ValidProject): { reconciled?: Reconciled; diagnostics: Diagnostic[] } {
  const { resolver, diagnostics } = reconciler(project);
  const occurrences: Occurrence[] = [];
  for (const m of project.mechanisms) {
    const r = reconcileMechanism(m, resolver);
    occurrences.push(...r.occurrences);
    diagnostics.push(...r.diagnostics);
  }
  if (diagnostics.length) return { diagnostics };
  return { reconciled: reconciledFrom(project, resolver, occurrences), diagnostics };
}

/** The reference data's name indexes, built once and shared by every record. */
export interface Resolver {
  resolve(name: string, lang: Lang, kinds: readonly Kind[]): Resolution | undefined;
  countries: Map<string, Country>;
  organizations: Map<string, OrganizationRecord>;
  places: Map<string, PlaceRecord>;
}

export function reconciler(project: ValidReference): { resolver: Resolver; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const countries = readCountries(project.countries, project.corrections);
  const stateNames = countryNameIndex(project.countries, project.corrections);
  const organizations = new Map(project.organizations.map((o) => [o.record.id, o.record]));
  const places = new Map(project.places.map((p) => [p.record.id, p.record]));

  const orgNames = new Map<string, Set<string>>();
  const addOrgName = (n: string | undefined, id: string) => n && orgNames.set(n, (orgNames.get(n) ?? new Set()).add(id));
  for (const o of organizations.values())
    for (const lang of ['fr', 'en'] as const) {
      const name = o.names[lang];
      const acronym = o.acronyms?.[lang];
      addOrgName(name, o.id);
      addOrgName(acronym, o.id);
      if (name && acronym) addOrgName(`${name} (${acronym})`, o.id);
    }
  // A name two places share resolves to neither, as for states and organisations.
  const placeNames = new Map<string, Set<string>>();
  for (const p of places.values()) for (const n of Object.values(p.names)) if (n) placeNames.set(n, (placeNames.get(n) ?? new Set()).add(p.id));

  const aliases = new Map<string, ValidProject['aliases'][number]>();
  for (const a of project.aliases) {
    const key = `${a.record.lang}|${a.record.name}`;
    const first = aliases.get(key);
    if (first && JSON.stringify(first.record) !== JSON.stringify(a.record))
      diagnostics.push(error('conflicting-alias', `"${a.record.name}" (${a.record.lang}) has another alias in ${first.source.file}`, locate(a.source, a.path)));
    aliases.set(key, a);
    if ('target' in a.record) {
      const t = a.record.target;
      const ok = a.record.kind === 'state' ? countries.has(t) : a.record.kind === 'organization' ? organizations.has(t) : places.has(t);
      if (!ok)
        diagnostics.push(error('missing-reference', `the alias target "${t}" is not a known ${a.record.kind}`, locate(a.source, [...a.path, 'target'])));
    }
  }

  const resolve = (name: string, lang: Lang, kinds: readonly Kind[]): Resolution | undefined => {
    // A name listed as unresolved stays unresolved even if the reference data has it:
    // "St. Martin" is a CLDR name of the French side, but a page may mean either side.
    const listed = aliases.get(`${lang}|${name}`)?.record;
    if (listed && 'unresolved' in listed) {
      const id = slugify(name);
      if (kinds.includes('place')) return { target: { kind: 'unresolved-place', id }, method: 'unresolved', reason: listed.unresolved };
      return { target: { kind: 'agent', id }, method: 'unresolved', reason: listed.unresolved };
    }
    const exact: Target[] = [];
    const state = stateNames.get(name);
    if (kinds.includes('state') && state) exact.push({ kind: 'state', id: state });
    if (kinds.includes('organization')) for (const id of orgNames.get(name) ?? []) exact.push({ kind: 'organization', id });
    if (kinds.includes('place')) for (const id of placeNames.get(name) ?? []) exact.push({ kind: 'place', id });
    if (exact.length === 1) return { target: exact[0], method: 'exact' };
    if (!listed || !kinds.includes(listed.kind)) return undefined;
    return { target: { kind: listed.kind, id: listed.target }, method: 'alias', reason: listed.reason };
  };

  return { resolver: { resolve, countries, organizations, places }, diagnostics };
}

/** Every printed name of one record, resolved; a name that does not resolve is a diagnostic. */
export function reconcileMechanism(m: Item<MechanismRecord>, resolver: Resolver): { occurrences: Occurrence[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const occurrences: Occurrence[] = [];
  for (const o of namesOf(m.record)) {
    const at = locate(m.source, o.path);
    const resolution = resolver.resolve(o.name, o.lang, o.kinds);
    if (!resolution) {
      diagnostics.push(
        error(
          'unresolved-name',
          `"${o.name}" (${o.lang}) is not a known ${o.kinds.join(' or ')}; add a reviewed alias to sources/reference/aliases/, or list it there as unresolved with a reason`,
          at,
        ),
      );
      continue;
    }
    occurrences.push({ mechanism: m.record.id, name: o.name, lang: o.lang, context: o.context, resolution, ...at });
  }
  diagnostics.push(...conflictingEntries(m, resolver.resolve));
  return { occurrences, diagnostics };
}

/** The reconciliation of a project (or of part of its records) from the occurrences of its records. */
export function reconciledFrom(project: ValidProject, resolver: Resolver, occurrences: Occurrence[]): Reconciled {
  const { countries, organizations, places } = resolver;
  return { project, resolve: (name, lang, kinds) => resolver.resolve(name, lang, kinds)!, occurrences, countries, organizations, places, unresolved: unresolvedAgents(occurrences) };
}

/** The agents that names listed as unresolved stand for, by id (the slug of the name). */
export function unresolvedAgents(occurrences: readonly Occurrence[]): Map<string, { name: string; lang: Lang; reason: string }> {
  const out = new Map<string, { name: string; lang: Lang; reason: string }>();
  for (const o of occurrences)
    if (o.resolution.method === 'unresolved' && o.resolution.target.kind === 'agent')
      out.set(o.resolution.target.id, { name: o.name, lang: o.lang, reason: o.resolution.reason! });
  return out;
}

interface NameUse {
  name: string;
  lang: Lang;
  kinds: readonly Kind[];
  context: string;
  path: (string | number)[];
}

/** Every printed name of a record that must resolve, with the kinds it may resolve to. */
export function namesOf(r: MechanismRecord): NameUse[] {
  const out: NameUse[] = [];
  r.participants?.forEach((p, i) =>
    p.listed.forEach((e, j) =>
      out.push({ name: typeof e === 'string' ? e : e.name, lang: p.lang, kinds: ROLE_KINDS[p.role], context: p.role, path: ['participants', i, 'listed', j] }),
    ),
  );
  r.meetings?.forEach((m, i) => {
    if (m.country) out.push({ name: m.country, lang: m.lang, kinds: ['state'], context: 'meeting country', path: ['meetings', i, 'country'] });
    if (m.place) out.push({ name: m.place, lang: m.lang, kinds: ['place'], context: 'meeting place', path: ['meetings', i, 'place'] });
  });
  r.formal_association?.forEach((f, i) =>
    f.organizations.forEach((name, j) =>
      out.push({ name, lang: f.lang, kinds: ['organization'], context: 'formal association', path: ['formal_association', i, 'organizations', j] }),
    ),
  );
  r.launched_by?.forEach((l, i) => out.push({ name: l.name, lang: l.lang, kinds: ANY, context: 'launched by', path: ['launched_by', i, 'name'] }));
  return out;
}

/** What an entry adds to its membership besides its name and note, which a membership keeps every one of. */
const MEMBERSHIP_FIELDS = ['end', 'status', 'role_as_printed', 'period_as_printed'] as const;

/**
 * Entries of one list that resolve to the same agent from the same start are one membership
 * (the map stage keeps every printed name). A later entry that would add another end, status
 * or printed role or period to it would be lost, so it is refused.
 */
function conflictingEntries(
  m: Item<MechanismRecord>,
  resolve: (name: string, lang: Lang, kinds: readonly Kind[]) => Resolution | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  m.record.participants?.forEach((list, i) => {
    const first = new Map<string, { entry: ParticipantEntryObject; j: number }>();
    list.listed.forEach((listed, j) => {
      const entry: ParticipantEntryObject = typeof listed === 'string' ? { name: listed } : listed;
      const target = resolve(entry.name, list.lang, ROLE_KINDS[list.role])?.target;
      if (!target) return;
      const key = `${target.kind}/${target.id}|${entry.start ?? ''}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { entry, j });
        return;
      }
      const field = MEMBERSHIP_FIELDS.find((f) => entry[f] !== undefined && entry[f] !== earlier.entry[f]);
      if (field)
        out.push(
          error(
            'conflicting-entries',
            `"${entry.name}" is the same member as "${earlier.entry.name}" on line ${locate(m.source, ['participants', i, 'listed', earlier.j]).line}, from the same start, but gives another ${field}; one membership cannot hold both`,
            locate(m.source, ['participants', i, 'listed', j, field]),
          ),
        );
    });
  });
  return out;
}
