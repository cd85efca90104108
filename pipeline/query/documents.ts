// The document that describes one resource: every triple it is the subject of and every triple
// that points at it, in the dumps' canonical order and written by the dumps' own serialisers, so
// that a resource's Turtle reads like the matching part of output/iscm.ttl.

import { DataFactory, type Quad, type Term as N3Term } from 'n3';
import * as oxigraph from 'oxigraph';
import type { Iris } from '../iri.ts';
import { toJsonLd } from '../serialize/jsonld.ts';
import { toNTriples } from '../serialize/ntriples.ts';
import { canonicalTriples } from '../serialize/order.ts';
import { toRdfXml } from '../serialize/rdfxml.ts';
import { toTurtle } from '../serialize/turtle.ts';
import type { GraphFormat } from './formats.ts';
import type { ReleaseStore } from './store.ts';

const { namedNode, literal, quad } = DataFactory;

export interface Description {
  /** Triples whose subject is the resource. */
  about: Quad[];
  /** Triples whose object is the resource (and whose subject is not). */
  mentions: Quad[];
}

function toN3(t: oxigraph.Term): N3Term {
  if (t.termType === 'NamedNode') return namedNode(t.value);
  if (t.termType === 'Literal') return t.language ? literal(t.value, t.language) : literal(t.value, namedNode(t.datatype.value));
  throw new Error(`a ${t.termType} cannot be in a published document`);
}

const asN3 = (qs: oxigraph.Quad[]): Quad[] =>
  qs.map((q) => quad(toN3(q.subject) as never, toN3(q.predicate) as never, toN3(q.object) as never));

/** undefined when the release says nothing about the resource. */
export function describe(release: ReleaseStore, iri: string): Description | undefined {
  const node = oxigraph.namedNode(iri);
  const about = release.store.match(node, null, null, release.graph);
  if (about.length === 0) return undefined;
  const mentions = release.store.match(null, null, node, release.graph).filter((q) => !q.subject.equals(node));
  return { about: canonicalTriples(asN3(about)), mentions: canonicalTriples(asN3(mentions)) };
}

export function serializeDescription(d: Description, format: GraphFormat, iris: Iris, context: Record<string, unknown>): string {
  const triples = canonicalTriples([...d.about, ...d.mentions]);
  switch (format) {
    case 'turtle':
      return toTurtle(triples, iris);
    case 'ntriples':
      return toNTriples(triples);
    case 'jsonld':
      return toJsonLd(triples, context);
    case 'rdfxml':
      return toRdfXml(triples, iris);
  }
}

/** The file extension of each format, for `/doc/{path}.{ext}` and the static export. */
export const DOCUMENT_EXTENSIONS: Record<GraphFormat, string> = { turtle: 'ttl', ntriples: 'nt', jsonld: 'jsonld', rdfxml: 'rdf' };
