// Turtle, written by n3 with the dataset's prefixes, one block per subject: the dump is the
// prefix header followed by the blocks in canonical order, so that it can be written record
// by record and still be the bytes n3 gives for the whole sorted graph.

import { Writer, type Quad } from 'n3';
import type { Iris } from '../iri.ts';
import { PREFIXES } from '../map/vocab.ts';

export function prefixes(iris: Iris): Record<string, string> {
  return { ...PREFIXES, iscm: iris.term(''), id: `${iris.base}id/` };
}

/** Collects what n3 writes, so that the text can be cut where each subject starts. */
class Capture {
  text = '';
  write(chunk: string, _encoding?: string, done?: () => void): void {
    this.text += chunk;
    done?.();
  }
  end(done?: () => void): void {
    done?.();
  }
}

export function turtleHeader(iris: Iris): string {
  const out = new Capture();
  new Writer(out, { prefixes: prefixes(iris) }).end();
  return out.text;
}

/**
 * One Turtle block per subject, each ending with ".\n". `subjects` holds the triples of each
 * subject in canonical order.
 */
export function turtleBlocks(subjects: readonly (readonly Quad[])[], iris: Iris): string[] {
  const out = new Capture();
  const writer = new Writer(out, { prefixes: prefixes(iris) });
  const header = out.text.length;
  // n3 closes a subject's block (".\n") when the next subject starts or the writer ends.
  const starts: number[] = [];
  subjects.forEach((triples, i) => {
    starts.push(out.text.length + (i === 0 ? 0 : 2));
    writer.addQuads(triples as Quad[]);
  });
  writer.end();
  if (subjects.length && starts[0] !== header) throw new Error('n3 wrote something before the first subject');
  return starts.map((start, i) => out.text.slice(start, i + 1 < starts.length ? starts[i + 1] : undefined));
}

/** The whole Turtle dump of triples in canonical order. */
export function toTurtle(triples: readonly Quad[], iris: Iris): string {
  return turtleHeader(iris) + turtleBlocks(groupBySubject(triples), iris).join('');
}

/** Consecutive triples of the same subject, as canonical order keeps them. */
export function groupBySubject(triples: readonly Quad[]): Quad[][] {
  const groups: Quad[][] = [];
  for (const q of triples) {
    const last = groups[groups.length - 1];
    if (last && last[0].subject.value === q.subject.value) last.push(q);
    else groups.push([q]);
  }
  return groups;
}
