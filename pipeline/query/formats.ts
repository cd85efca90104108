// The serialisations a query result can take, by short name (for the command line) and media
// type (for HTTP). Solutions (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE) have separate sets.

export const SOLUTION_FORMATS = {
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
} as const;

export const GRAPH_FORMATS = {
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  jsonld: 'application/ld+json',
  rdfxml: 'application/rdf+xml',
} as const;

export type GraphFormat = keyof typeof GRAPH_FORMATS;
export type MediaType = (typeof SOLUTION_FORMATS)[keyof typeof SOLUTION_FORMATS] | (typeof GRAPH_FORMATS)[GraphFormat];
