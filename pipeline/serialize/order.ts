// The canonical order of the dataset's triples. Dumps are written from this order only,
// so that the same sources give byte-identical files and releases diff line by line.

import { Writer, type Quad } from 'n3';
import { RDF } from '../map/vocab.ts';

const RDF_TYPE = RDF('type');
const ntWriter = new Writer({ format: 'N-Triples' });

/** One N-Triples line per triple, without the newline. */
export function tripleLine(q: Quad): string {
  return ntWriter.quadToString(q.subject, q.predicate, q.object).trimEnd();
}

/** Distinct triples, ordered by subject, then rdf:type first, then predicate and object. */
export function canonicalTriples(quads: Iterable<Quad>): Quad[] {
  return canonicalLines(quads).map((k) => k.q);
}

/** canonicalTriples with each triple's N-Triples line, for writers that need both. */
export function canonicalLines(quads: Iterable<Quad>): { q: Quad; line: string }[] {
  const byLine = new Map<string, Quad>();
  for (const q of quads) byLine.set(tripleLine(q), q);
  const keyed = [...byLine].map(([line, q]) => ({ q, s: q.subject.value, p: q.predicate.value === RDF_TYPE ? '' : q.predicate.value, line }));
  keyed.sort((a, b) => cmp(a.s, b.s) || cmp(a.p, b.p) || cmp(a.line, b.line));
  return keyed;
}

/** Code-point comparison: independent of the locale, unlike localeCompare. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
