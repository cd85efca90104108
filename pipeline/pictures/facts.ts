// What the pictures show, read out of the release store as plain values: a mechanism's member
// and observer states, its printed lists, its meetings, and every state's roles in every
// mechanism. The drawing modules take these values and nothing else, so they stay pure and are
// tested without a store.

import * as oxigraph from 'oxigraph';
import type { Iris } from '../iri.ts';
import { ORG, RDF, SCHEMA, SKOS, XSD } from '../map/vocab.ts';
import type { ReleaseStore } from '../query/store.ts';
import { cmp } from '../serialize/order.ts';
import type { Lang } from '../serve/labels.ts';
import type { Text } from './svg.ts';

/** A date as precise as the page printed it. */
export interface PartialDate {
  value: string;
  precision: 'day' | 'month' | 'year';
}

export interface Meeting {
  iri: string;
  name?: Text;
  place?: Text;
  /** Every start date the pages give (more than one when page versions disagree). */
  starts: PartialDate[];
  ends: PartialDate[];
}

export interface Participant {
  iri: string;
  name: Text;
  /** ISO 3166-1 numeric (= UN M49) code, three digits; absent for a name the data does not resolve to a state. */
  code?: string;
  /** The notations of its roles in the mechanism, sorted. */
  roles: string[];
}

/** One printed list of participants: how many names it shows, how many it announces, whether it is whole. */
export interface PrintedList {
  role: string;
  listed: number;
  declared?: number;
  complete: boolean;
}

export interface MechanismFacts {
  iri: string;
  name: Text;
  participants: Participant[];
  lists: PrintedList[];
  meetings: Meeting[];
  /** Role notation → the role concept's label. */
  roleNames: Map<string, Text>;
}

interface Column {
  iri: string;
  name: Text;
}

/** Every state that has a role in some mechanism, with its roles per mechanism IRI. */
export interface MatrixFacts {
  columns: Column[];
  rows: { iri: string; name: Text; roles: Map<string, string[]> }[];
  roleNames: Map<string, Text>;
}

/** The roles the world map draws. */
export const MAP_ROLES = ['member-state', 'observer-state'] as const;

const DATE_PRECISION: Record<string, PartialDate['precision']> = { [XSD('date')]: 'day', [XSD('gYearMonth')]: 'month', [XSD('gYear')]: 'year' };
const LABEL_PREDICATES = [SKOS('prefLabel'), SCHEMA('name')];

/** A reader over one release, for one page language. */
function reader(release: ReleaseStore, iris: Iris, lang: Lang) {
  const { store, graph } = release;
  const objects = (s: string, p: string) => store.match(oxigraph.namedNode(s), oxigraph.namedNode(p), null, graph).map((q) => q.object);
  const subjects = (p: string, o: oxigraph.Term | null) => store.match(null, oxigraph.namedNode(p), o, graph).map((q) => q.subject.value);
  const iri = (s: string, p: string) => objects(s, p).find((o) => o.termType === 'NamedNode')?.value;
  const literals = (s: string, p: string) => objects(s, p).filter((o): o is oxigraph.Literal => o.termType === 'Literal');
  /** The literal in the page's language, else the first other tagged one, else an untagged one. */
  const text = (s: string, predicates: string[]): Text | undefined => {
    for (const p of predicates) {
      const all = literals(s, p).sort((a, b) => cmp(a.language, b.language) || cmp(a.value, b.value));
      const chosen = all.find((l) => l.language === lang) ?? all.find((l) => l.language !== '') ?? all[0];
      if (chosen) return { value: chosen.value, lang: chosen.language };
    }
    return undefined;
  };
  const name = (s: string): Text => text(s, LABEL_PREDICATES) ?? { value: s, lang: '' };
  const notation = (role: string) => literals(role, SKOS('notation'))[0]?.value ?? role;
  const roleNames = () => {
    const names = new Map<string, Text>();
    for (const role of subjects(SKOS('inScheme'), oxigraph.namedNode(iris.scheme('role')))) names.set(notation(role), name(role));
    return names;
  };
  const isState = (s: string) => store.match(oxigraph.namedNode(s), oxigraph.namedNode(RDF('type')), oxigraph.namedNode(iris.term('State')), graph).length > 0;
  const code = (s: string) => literals(s, iris.term('iso3166Numeric'))[0]?.value ?? literals(s, iris.term('m49Code'))[0]?.value;
  const dates = (s: string, p: string): PartialDate[] =>
    literals(s, p)
      .filter((l) => DATE_PRECISION[l.datatype.value])
      .map((l) => ({ value: l.value, precision: DATE_PRECISION[l.datatype.value] }))
      .sort((a, b) => cmp(a.value, b.value));
  /** Membership IRI → its agent and role notation, for the memberships of `mechanism` (every mechanism when undefined). */
  const memberships = (mechanism?: string) =>
    subjects(ORG('organization'), mechanism ? oxigraph.namedNode(mechanism) : null)
      .map((m) => ({ mechanism: iri(m, ORG('organization'))!, agent: iri(m, ORG('member')), role: iri(m, ORG('role')) }))
      .filter((m): m is { mechanism: string; agent: string; role: string } => !!m.agent && !!m.role)
      .map((m) => ({ ...m, role: notation(m.role) }));
  return { subjects, iri, literals, text, name, roleNames, isState, code, dates, memberships };
}

function rolesByAgent(rows: { agent: string; role: string }[]): Map<string, string[]> {
  const roles = new Map<string, Set<string>>();
  for (const r of rows) roles.set(r.agent, (roles.get(r.agent) ?? new Set()).add(r.role));
  return new Map([...roles].map(([a, set]) => [a, [...set].sort(cmp)]));
}

export function isMechanism(release: ReleaseStore, iris: Iris, iri: string): boolean {
  const type = oxigraph.namedNode(iris.term('ConsultationMechanism'));
  return release.store.match(oxigraph.namedNode(iri), oxigraph.namedNode(RDF('type')), type, release.graph).length > 0;
}

export function mechanismFacts(release: ReleaseStore, iris: Iris, mechanism: string, lang: Lang): MechanismFacts {
  const r = reader(release, iris, lang);
  const mapped = r.memberships(mechanism).filter((m) => (MAP_ROLES as readonly string[]).includes(m.role));
  const participants = [...rolesByAgent(mapped)]
    .map(([agent, roles]): Participant => ({ iri: agent, name: r.name(agent), code: r.isState(agent) ? r.code(agent) : undefined, roles }))
    .sort((a, b) => cmp(a.iri, b.iri));
  const lists = r
    .subjects(iris.term('listOf'), oxigraph.namedNode(mechanism))
    .filter((l) => r.iri(l, iris.term('role')))
    .sort(cmp)
    .map((l): PrintedList => {
      const count = (p: string) => {
        const v = r.literals(l, iris.term(p))[0]?.value;
        return v === undefined ? undefined : Number(v);
      };
      return {
        role: r.literals(r.iri(l, iris.term('role'))!, SKOS('notation'))[0]?.value ?? '',
        listed: count('listedCount') ?? 0,
        declared: count('declaredCount'),
        complete: r.literals(l, iris.term('isComplete'))[0]?.value === 'true',
      };
    });
  const meetings = r
    .subjects(iris.term('convenedBy'), oxigraph.namedNode(mechanism))
    .sort(cmp)
    .map((m): Meeting => {
      const location = r.iri(m, SCHEMA('location'));
      return {
        iri: m,
        name: r.text(m, [SCHEMA('name')]),
        place: (location && r.text(location, LABEL_PREDICATES)) || r.text(m, [iris.term('placeAsPrinted')]),
        starts: r.dates(m, SCHEMA('startDate')),
        ends: r.dates(m, SCHEMA('endDate')),
      };
    });
  return { iri: mechanism, name: r.name(mechanism), participants, lists, meetings, roleNames: r.roleNames() };
}

export function matrixFacts(release: ReleaseStore, iris: Iris, lang: Lang): MatrixFacts {
  const r = reader(release, iris, lang);
  const columns = r
    .subjects(RDF('type'), oxigraph.namedNode(iris.term('ConsultationMechanism')))
    .map((m) => ({ iri: m, name: r.name(m) }));
  const byState = new Map<string, { mechanism: string; role: string }[]>();
  for (const m of r.memberships()) if (r.isState(m.agent)) byState.set(m.agent, [...(byState.get(m.agent) ?? []), m]);
  const rows = [...byState].map(([state, ms]) => {
    const roles = new Map<string, Set<string>>();
    for (const m of ms) roles.set(m.mechanism, (roles.get(m.mechanism) ?? new Set()).add(m.role));
    return { iri: state, name: r.name(state), roles: new Map([...roles].map(([k, v]) => [k, [...v].sort(cmp)])) };
  });
  return { columns, rows, roleNames: r.roleNames() };
}
