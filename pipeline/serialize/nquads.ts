// N-Quads: each record's triples in a named graph of their own (pipeline/map makes one
// RecordGraph per record), so that a store can replace one record without touching the others.
// Graphs come in key order and triples in canonical order, so the dump is byte-identical.

import type { Iris } from '../iri.ts';
import type { RecordGraph } from '../map/graph.ts';
import { canonicalTriples, cmp, tripleLine } from './order.ts';

export function toNQuads(graphs: readonly RecordGraph[], iris: Iris): string {
  let out = '';
  for (const g of [...graphs].sort((a, b) => cmp(a.key, b.key))) out += graphNQuads(g.key, canonicalTriples(g.quads).map(tripleLine), iris);
  return out;
}

/** One record's graph, from the N-Triples lines of its triples in canonical order. */
export function graphNQuads(key: string, lines: readonly string[], iris: Iris): string {
  const graph = `<${iris.recordGraph(key)}> .\n`;
  let out = '';
  // A triple line ends in " ."; the graph goes before that final dot.
  for (const line of lines) out += line.slice(0, -1) + graph;
  return out;
}
