// The words of the semantic diff: what kind of thing a node is, what a property is called and how
// a value reads, taken from the data where it can (labels, notations) and from the vocabularies'
// own local names otherwise, so that a new class or property reads sensibly without a table entry.

import { Graph, type Value } from './graph.ts';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';

/** Types named in order of preference, by local name: the first a node has names its kind. */
const KINDS: [string, string][] = [
  ['ConsultationMechanism', 'mechanism'],
  ['Membership', 'membership'],
  ['ParticipantList', 'participant list'],
  ['Meeting', 'meeting'],
  ['PageVersion', 'page version'],
  ['Document', 'document'],
  ['Quotation', 'objectives'],
  ['ThemeStatement', 'theme statement'],
  ['Statement', 'statement of sources'],
  ['State', 'state'],
  ['UnresolvedAgent', 'unresolved agent'],
  ['OrganizationalUnit', 'organisation unit'],
  ['Organization', 'organisation'],
  ['Place', 'place'],
  ['ConceptScheme', 'scheme'],
  ['Concept', 'concept'],
  ['Interval', 'period'],
  ['Instant', 'instant'],
];

/** Properties whose local name reads badly. */
const PROPERTY_WORDS: Record<string, string> = {
  [`${SKOS}prefLabel`]: 'label',
  [`${SKOS}altLabel`]: 'other name',
  [`${SKOS}notation`]: 'notation',
};

const LABELS = [`${SKOS}prefLabel`, 'http://schema.org/name', 'http://purl.org/dc/terms/title', 'http://xmlns.com/foaf/0.1/name'];

export function localName(iri: string): string {
  return iri.replace(/^.*[#/]/, '');
}

/** `startDate` → `start date`, `inXSDDate` → `in XSD date`. */
export function words(name: string): string {
  return name
    .split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_-]+/)
    .filter(Boolean)
    .map((w) => (/^[A-Z0-9]+$/.test(w) && w.length > 1 ? w : w.toLowerCase()))
    .join(' ');
}

export function kindOf(types: string[]): string {
  const names = types.map(localName);
  for (const [name, word] of KINDS) if (names.includes(name)) return word;
  return names.length ? words(names.sort()[0]) : 'resource';
}

export function propertyWords(iri: string): string {
  return PROPERTY_WORDS[iri] ?? words(localName(iri));
}

/** The English label, else the French one, else any name or title the node has. */
export function labelIn(g: Graph, iri: string): string | undefined {
  for (const p of LABELS) {
    const vs = g.values(iri, p);
    const pick = vs.find((v) => v.lang === 'en') ?? vs.find((v) => v.lang === 'fr') ?? vs[0];
    if (pick) return pick.value;
  }
  return undefined;
}

const MAX = 80;
const clip = (s: string) => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** A value as a sentence shows it: text quoted, numbers and dates bare, a node by its label. */
export function showValue(v: Value, label: (iri: string) => string | undefined): string {
  if (!v.literal) {
    const l = label(v.value);
    return l ? clip(l) : `<${v.value}>`;
  }
  return v.datatype ? v.value : `"${clip(v.value.replace(/\s+/g, ' '))}"`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
