// Turtle, written by n3 from the canonical order, with the dataset's prefixes.

import { Writer, type Quad } from 'n3';
import type { Iris } from '../iri.ts';
import { PREFIXES } from '../map/vocab.ts';

export function prefixes(iris: Iris): Record<string, string> {
  return { ...PREFIXES, iscm: iris.term(''), id: `${iris.base}id/` };
}

export function toTurtle(triples: Quad[], iris: Iris): Promise<string> {
  const writer = new Writer({ prefixes: prefixes(iris) });
  writer.addQuads(triples);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}
