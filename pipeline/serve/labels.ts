// Names to show for IRIs in the pages, in the reader's language: the data's own labels for its
// resources, and the ontology's rdfs:label for our classes and properties. Anything without a
// label is shown by its prefixed name; nothing is translated or made up here.

import { Parser } from 'n3';
import type * as oxigraph from 'oxigraph';
import { cmp } from '../serialize/order.ts';

export type Lang = 'fr' | 'en';
export const LANGUAGES: readonly Lang[] = ['en', 'fr'];

const LABEL_PREDICATES = [
  'http://www.w3.org/2004/02/skos/core#prefLabel',
  'http://schema.org/name',
  'http://purl.org/dc/terms/title',
  'http://www.w3.org/2000/01/rdf-schema#label',
];

export interface Labels {
  /** The label in `lang`, else in the other language, else one without a language tag. */
  of(iri: string, lang: Lang): string | undefined;
}

interface Candidate {
  rank: number;
  lang: string;
  value: string;
}

export function collectLabels(sources: { store: oxigraph.Store; graph: oxigraph.NamedNode }, ontologyTurtle: string): Labels {
  const candidates = new Map<string, Candidate[]>();
  const add = (subject: string, predicate: string, value: string, lang: string) => {
    const rank = LABEL_PREDICATES.indexOf(predicate);
    if (rank < 0) return;
    const list = candidates.get(subject) ?? [];
    list.push({ rank, lang, value });
    candidates.set(subject, list);
  };
  for (const q of sources.store.match(null, null, null, sources.graph))
    if (q.object.termType === 'Literal' && q.subject.termType === 'NamedNode') add(q.subject.value, q.predicate.value, q.object.value, q.object.language);
  for (const q of new Parser().parse(ontologyTurtle))
    if (q.object.termType === 'Literal' && q.subject.termType === 'NamedNode') add(q.subject.value, q.predicate.value, q.object.value, q.object.language);
  for (const list of candidates.values()) list.sort((a, b) => a.rank - b.rank || cmp(a.value, b.value));

  return {
    of(iri, lang) {
      const list = candidates.get(iri);
      if (!list) return undefined;
      return (list.find((c) => c.lang === lang) ?? list.find((c) => c.lang !== '' ) ?? list[0]).value;
    },
  };
}
