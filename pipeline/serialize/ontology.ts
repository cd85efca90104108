// The ontology as the build publishes it (output/ontology/): ontology/iscm.ttl parsed and moved
// to the build's base IRI, so that a build with ISCM_BASE describes the terms its data uses.

import { DataFactory, Parser, type Quad, type Term } from 'n3';
import { DEFAULT_BASE, type Iris } from '../iri.ts';
import { canonicalTriples } from './order.ts';

const { namedNode, quad } = DataFactory;

export function ontologyTriples(turtle: string, iris: Iris): Quad[] {
  const rebase = <T extends Term>(t: T): T =>
    (t.termType === 'NamedNode' && t.value.startsWith(DEFAULT_BASE) ? namedNode(iris.base + t.value.slice(DEFAULT_BASE.length)) : t) as T;
  const quads = new Parser({ format: 'text/turtle' }).parse(turtle);
  return canonicalTriples(quads.map((q) => quad(rebase(q.subject), rebase(q.predicate), rebase(q.object))));
}
