// A graph's share of the subject-ordered dumps: per subject, its N-Triples lines, Turtle block,
// JSON-LD node object and RDF/XML description, from its triples in canonical order. Records
// and the shared graphs are cut the same way, so that the assembly can interleave them.

import type { Quad } from 'n3';
import type { Iris } from '../iri.ts';
import type { JsonArrayDocument } from '../serialize/json-stream.ts';
import { SEPARATOR } from '../serialize/json-stream.ts';
import type { JsonLdCompactor } from '../serialize/jsonld.ts';
import type { RdfXmlWriter } from '../serialize/rdfxml.ts';
import { turtleBlocks } from '../serialize/turtle.ts';
import type { SubjectSection } from './entry.ts';

export interface Writers {
  iris: Iris;
  jsonld: JsonLdCompactor;
  jsonldDocument: JsonArrayDocument;
  rdfxml: RdfXmlWriter;
}

/** Triples in canonical order, each with its N-Triples line (serialize/order.ts canonicalLines). */
export type Lines = readonly { q: Quad; line: string }[];

export function subjectPieces(triples: Lines, w: Writers): { subjects: string[]; pieces: Record<SubjectSection, string[]> } {
  const groups: { quads: Quad[]; lines: string[] }[] = [];
  for (const { q, line } of triples) {
    const last = groups[groups.length - 1];
    if (last && last.quads[0].subject.value === q.subject.value) last.quads.push(q), last.lines.push(line);
    else groups.push({ quads: [q], lines: [line] });
  }
  return {
    subjects: groups.map((g) => g.quads[0].subject.value),
    pieces: {
      nt: groups.map((g) => `${g.lines.join('\n')}\n`),
      ttl: turtleBlocks(
        groups.map((g) => g.quads),
        w.iris,
      ),
      // Each node object carries the separator before it; the assembly drops the very first.
      jsonld: groups.map((g) => SEPARATOR + w.jsonldDocument.item(w.jsonld.node(g.quads))),
      rdf: groups.map((g) => w.rdfxml.description(g.quads)),
    },
  };
}
