// RDF/XML, written by rdflib from the canonical triples.

import * as rdflib from 'rdflib';
import type { Quad, Term } from 'n3';

function toRdflib(t: Term) {
  if (t.termType === 'NamedNode') return rdflib.sym(t.value);
  if (t.termType === 'Literal')
    return t.language ? rdflib.literal(t.value, t.language) : rdflib.literal(t.value, rdflib.sym(t.datatype.value));
  throw new Error(`no ${t.termType} may reach a dump`);
}

export function toRdfXml(triples: Quad[]): string {
  const store = rdflib.graph();
  for (const q of triples) store.add(toRdflib(q.subject) as never, toRdflib(q.predicate) as never, toRdflib(q.object) as never);
  let out: string | undefined;
  rdflib.serialize(null, store, undefined, 'application/rdf+xml', (err, result) => {
    if (err) throw err;
    out = result ?? undefined;
  });
  if (out === undefined) throw new Error('rdflib wrote no RDF/XML');
  return out;
}
