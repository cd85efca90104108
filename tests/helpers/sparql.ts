// SPARQL over a built dump in an embedded oxigraph store. Our IRIs have slashes after the
// prefix (`id:state/CHE`), which SPARQL prefixed names cannot hold, so `id:…` is expanded first.

import { readFileSync } from 'node:fs';
import * as oxigraph from 'oxigraph';

const PREFIXES = `
PREFIX iscm: <https://w3id.org/iscm/def/iscm#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
`;

export interface Sparql {
  select(q: string): Record<string, string>[];
  ask(q: string): boolean;
  count(q: string): number;
}

export function sparqlOver(ntriplesFile: string): Sparql {
  const store = new oxigraph.Store();
  store.load(readFileSync(ntriplesFile, 'utf8'), { format: 'application/n-triples' });
  const expand = (q: string) => PREFIXES + q.replace(/\bid:([A-Za-z0-9\-/]+)/g, '<https://w3id.org/iscm/id/$1>');
  const select = (q: string) =>
    (store.query(expand(q)) as Map<string, oxigraph.Term>[]).map((row) => Object.fromEntries([...row].map(([k, v]) => [k, v.value])));
  return {
    select,
    ask: (q) => store.query(expand(q)) as boolean,
    count: (q) => Number(select(q)[0].n),
  };
}
