// The only module that mints IRIs for the dataset. Every other module asks it, so that
// the IRI scheme of docs/data-model.md lives in one place and the base stays configurable.

export const DEFAULT_BASE = 'https://w3id.org/iscm/';

export type AgentRef =
  | { kind: 'state'; id: string }
  | { kind: 'organization'; id: string }
  | { kind: 'agent'; id: string };

export type SchemeId = 'mechanism-type' | 'role' | 'theme' | 'meeting-type';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `s` can stand as one IRI path segment without escaping. */
export function isSlug(s: string): boolean {
  return SLUG.test(s);
}

/** A readable slug for a printed name (used only for unresolved agents, which have no id of their own). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function sourceKey(sources: readonly string[]): string {
  return sources.map((s) => s.toLowerCase()).join('-');
}

export function makeIris(base: string = DEFAULT_BASE) {
  if (!/^https?:\/\/[^\s<>"{}|\\^`]+\/$/.test(base)) {
    throw new Error(`base IRI must be an http(s) IRI ending in "/": ${base}`);
  }
  const id = `${base}id/`;
  const process = (slug: string) => `${id}process/${slug}`;
  const agent = (a: AgentRef) => `${id}${a.kind}/${a.id}`;
  const listKey = (role: string, sources: readonly string[], part?: string) =>
    `${role}/${sourceKey(sources)}${part ? `/${part}` : ''}`;
  const listIri = (p: string, role: string, sources: readonly string[], part?: string) =>
    `${process(p)}/list/${listKey(role, sources, part)}`;
  const membership = (
    p: string,
    list: { role: string; sources: readonly string[]; part?: string },
    a: AgentRef,
    periodStart?: string,
  ) =>
    `${process(p)}/membership/${listKey(list.role, list.sources, list.part)}/${a.kind}/${a.id}${periodStart ? `/${periodStart}` : ''}`;

  return {
    base,
    ontology: `${base}def/iscm`,
    term: (local: string) => `${base}def/iscm#${local}`,
    ontologyVersion: (version: string) => `${base}def/iscm/${version}`,
    process,
    pageVersion: (p: string, sourceId: string) => `${process(p)}/source/${sourceId.toLowerCase()}`,
    objectives: (p: string, n: number) => `${process(p)}/objectives/${n}`,
    statement: (p: string, n: number) => `${process(p)}/statement/${n}`,
    participantList: listIri,
    membership,
    period: (membershipIri: string) => `${membershipIri}/period`,
    periodEnd: (membershipIri: string, end: 'start' | 'end') => `${membershipIri}/period/${end}`,
    themeList: (p: string, sources: readonly string[], group: number) => `${process(p)}/theme/${sourceKey(sources)}/${group}`,
    themeStatement: (p: string, sources: readonly string[], group: number, concept: string) =>
      `${process(p)}/theme/${sourceKey(sources)}/${group}/${concept}`,
    meeting: (p: string, meetingId: string) => `${process(p)}/meeting/${meetingId}`,
    document: (p: string, documentId: string) => `${process(p)}/document/${documentId}`,
    agent,
    state: (alpha3: string) => agent({ kind: 'state', id: alpha3 }),
    organization: (slug: string) => agent({ kind: 'organization', id: slug }),
    place: (slug: string) => `${id}place/${slug}`,
    concept: (scheme: SchemeId, slug: string) => `${id}${scheme}/${slug}`,
    scheme: (scheme: SchemeId) => `${id}scheme/${scheme}`,
    /** A UN M49 area by its three-digit code ("002"), and the scheme of all of them. */
    m49Area: (code: string) => `${id}m49/${code}`,
    m49Scheme: `${id}scheme/m49`,
    /** The named graph of one record in the N-Quads dump, so that a store can replace one record at a time. */
    recordGraph: (key: string) => `${id}graph/${key}`,
    // The dataset's description (output/dataset.ttl): DCAT, VoID and PROV resources.
    catalog: `${id}catalog`,
    dataset: `${id}dataset`,
    datasetRights: `${id}dataset/rights`,
    classPartition: (curie: string) => `${id}dataset/class/${curie}`,
    propertyPartition: (curie: string) => `${id}dataset/property/${curie}`,
    linkset: (target: string) => `${id}dataset/linkset/${target}`,
    linkTarget: (target: string) => `${id}dataset/target/${target}`,
    reusedDataset: (slug: string) => `${id}dataset/source/${slug}`,
    distribution: (path: string) => `${id}distribution/${path}`,
    checksum: (of: string) => `${of}/sha256`,
    sparqlService: `${id}service/sparql`,
    publisher: (slug: string) => `${id}publisher/${slug}`,
    build: (version: string) => `${id}build/${version}`,
    buildInput: (version: string, path: string) => `${id}build/${version}/input/${path}`,
    pipeline: (version: string) => `${id}pipeline/${version}`,
    /** The named graph a triple store keeps one release in, so that loading the next one replaces it. */
    releaseGraph: (version: string) => `${base}graph/${version}`,
  };
}

export type Iris = ReturnType<typeof makeIris>;
