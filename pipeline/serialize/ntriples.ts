// N-Triples: one line per triple in canonical order, so that two releases diff line by line.

import type { Quad } from 'n3';
import { tripleLine } from './order.ts';

export function toNTriples(triples: Quad[]): string {
  let out = '';
  for (const q of triples) out += `${tripleLine(q)}\n`;
  return out;
}
