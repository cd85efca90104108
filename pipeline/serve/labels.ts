// Names to show for IRIs in the pages, in the reader's language: the data's own labels for its
// resources, and the ontology's rdfs:label for our classes and properties. Anything without a
// label is shown by its prefixed name; nothing is translated or made up here.
//
// The labels are read with one SPARQL query whose answer comes back as JSON, not by walking the
// store's quads from JavaScript: Node 20's V8 crashed (a fatal error in its deoptimiser) about one
// start in ten while a loop over every quad, calling into oxigraph's WebAssembly, was optimised.

import * as oxigraph from 'oxigraph';
import { cmp } from '../serialize/order.ts';
import type { JsonResults } from '../query/table.ts';

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

/** Every label triple of the store's graph (or its default graph), as SPARQL JSON bindings. */
function labelTriples(store: oxigraph.Store, graph?: oxigraph.NamedNode): NonNullable<JsonResults['results']>['bindings'] {
  const pattern = graph ? `GRAPH <${graph.value}> { ?s ?p ?o }` : '?s ?p ?o';
  const query = `SELECT ?s ?p ?o WHERE { VALUES ?p { ${LABEL_PREDICATES.map((p) => `<${p}>`).join(' ')} } ${pattern} FILTER(isIRI(?s) && isLiteral(?o)) }`;
  return (JSON.parse(store.query(query, { results_format: 'json' }) as string) as JsonResults).results?.bindings ?? [];
}

export function collectLabels(sources: { store: oxigraph.Store; graph: oxigraph.NamedNode }, ontologyTurtle: string): Labels {
  const ontology = new oxigraph.Store();
  ontology.load(ontologyTurtle, { format: 'text/turtle' });
  const rows = [...labelTriples(sources.store, sources.graph), ...labelTriples(ontology)];
  const candidates = new Map<string, Candidate[]>();
  for (let i = 0; i < rows.length; i++) {
    const { s, p, o } = rows[i];
    const list = candidates.get(s.value) ?? [];
    list.push({ rank: LABEL_PREDICATES.indexOf(p.value), lang: o['xml:lang'] ?? '', value: o.value });
    candidates.set(s.value, list);
  }
  for (const list of candidates.values()) list.sort((a, b) => a.rank - b.rank || cmp(a.lang, b.lang) || cmp(a.value, b.value));

  return {
    of(iri, lang) {
      const list = candidates.get(iri);
      if (!list) return undefined;
      return (list.find((c) => c.lang === lang) ?? list.find((c) => c.lang !== '') ?? list[0]).value;
    },
  };
}
