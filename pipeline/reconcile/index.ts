// Stage 3, reconcile: every printed name becomes a state, an organisation, a place or an
// explicitly unresolved agent. Exact matches first, then reviewed aliases; a name that
// neither resolves nor is listed as unresolved fails the build. Nothing is guessed.

import { error, type Diagnostic, type Location } from '../diagnostics.ts';
import { slugify, type AgentRef } from '../iri.ts';
import { locate } from '../load/yaml.ts';
import type { ValidProject } from '../validate/index.ts';
import type { Lang, MechanismRecord, OrganizationRecord, PlaceRecord, Role } from '../validate/types.ts';
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
  const placeNames = new Map<string, string>();
  for (const p of places.values()) for (const n of Object.values(p.names)) if (n) placeNames.set(n, p.id);

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

  const unresolved = new Map<string, { name: string; lang: Lang; reason: string }>();
  const resolve = (name: string, lang: Lang, kinds: readonly Kind[]): Resolution | undefined => {
    // A name listed as unresolved stays unresolved even if the reference data has it:
    // "St. Martin" is a CLDR name of the French side, but a page may mean either side.
    const listed = aliases.get(`${lang}|${name}`)?.record;
    if (listed && 'unresolved' in listed) {
      const id = slugify(name);
      if (kinds.includes('place')) return { target: { kind: 'unresolved-place', id }, method: 'unresolved', reason: listed.unresolved };
      unresolved.set(id, { name, lang, reason: listed.unresolved });
      return { target: { kind: 'agent', id }, method: 'unresolved', reason: listed.unresolved };
    }
    const exact: Target[] = [];
    const state = stateNames.get(name);
    if (kinds.includes('state') && state) exact.push({ kind: 'state', id: state });
    if (kinds.includes('organization')) for (const id of orgNames.get(name) ?? []) exact.push({ kind: 'organization', id });
    const place = placeNames.get(name);
    if (kinds.includes('place') && place) exact.push({ kind: 'place', id: place });
    if (exact.length === 1) return { target: exact[0], method: 'exact' };
    if (!listed || !kinds.includes(listed.kind)) return undefined;
    return { target: { kind: listed.kind, id: listed.target }, method: 'alias', reason: listed.reason };
  };

  const occurrences: Occurrence[] = [];
  for (const m of project.mechanisms) {
    for (const o of namesOf(m.record)) {
      const at = locate(m.source, o.path);
      const resolution = resolve(o.name, o.lang, o.kinds);
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
  }
  if (diagnostics.length) return { diagnostics };
  return {
    reconciled: {
      project,
      resolve: (name, lang, kinds) => resolve(name, lang, kinds)!,
      occurrences,
      countries,
      organizations,
      places,
      unresolved,
    },
    diagnostics,
  };
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
