// The document that describes one resource: every triple it is the subject of and every triple
// that points at it, in the dumps' canonical order and written by the dumps' own serialisers, so
// that a resource's Turtle reads like the matching part of output/iscm.ttl.

import { Parser, type Quad } from 'n3';
import type { Iris } from '../iri.ts';
import { toJsonLd } from '../serialize/jsonld.ts';
import { toNTriples } from '../serialize/ntriples.ts';
import { canonicalTriples } from '../serialize/order.ts';
import { toRdfXml } from '../serialize/rdfxml.ts';
import { toTurtle } from '../serialize/turtle.ts';
import type { GraphFormat } from './formats.ts';
import type { ReleaseStore } from './store.ts';

export interface Description {
  /** Triples whose subject is the resource. */
  about: Quad[];
  /** Triples whose object is the resource (and whose subject is not). */
  mentions: Quad[];
}

/**
 * The triples a CONSTRUCT gives, read back from N-Triples. Going through text rather than through
 * oxigraph's term objects keeps the export's loop out of WebAssembly calls, where Node 20's V8
 * crashed in its deoptimiser about one export in ten.
 */
function construct(release: ReleaseStore, query: string): Quad[] {
  return new Parser({ format: 'N-Triples' }).parse(release.store.query(query, { results_format: 'application/n-triples' }) as string);
}

/** What SPARQL's IRIREF allows, so that a requested path cannot change the query it is put into. */
const IRIREF = /^[^<>"{}|^`\\\u0000-\u0020]+$/;

/** undefined when the release says nothing about the resource (or the text cannot be an IRI). */
export function describe(release: ReleaseStore, iri: string): Description | undefined {
  if (!IRIREF.test(iri)) return undefined;
  const graph = `<${release.graph.value}>`;
  const about = construct(release, `CONSTRUCT { <${iri}> ?p ?o } WHERE { GRAPH ${graph} { <${iri}> ?p ?o } }`);
  if (about.length === 0) return undefined;
  const mentions = construct(release, `CONSTRUCT { ?s ?p <${iri}> } WHERE { GRAPH ${graph} { ?s ?p <${iri}> } FILTER(?s != <${iri}>) }`);
  return { about: canonicalTriples(about), mentions: canonicalTriples(mentions) };
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
