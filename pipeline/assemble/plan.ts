// The order in which the parts of the graph (records, and the shared agents and vocabularies)
// are copied into the subject-ordered dumps. Each part lists its subjects in canonical order;
// the dumps need all subjects in that order. Parts whose subject ranges do not overlap are
// copied whole, one after the other; only parts whose ranges overlap (`id:process/a` and
// `id:process/a-b`: "a-b" sorts between "a" and "a/…") are interleaved, from their lists of
// subjects. So the plan costs one sort of the parts, whatever the size of the graph.

import { cmp } from '../serialize/order.ts';

export interface Part {
  first: string;
  last: string;
  count: number;
  /** The part's subjects in canonical order; asked for only when the part overlaps another. */
  subjects(): string[];
  /** For an error message. */
  name: string;
}

/** Subjects [from, to) of part `part`. */
export interface Chunk {
  part: number;
  from: number;
  to: number;
}

/** The chunks to copy in order, and the groups of parts (one part, or several that overlap) in the same order. */
export function plan(parts: readonly Part[]): { chunks: Chunk[]; groups: number[][] } {
  const order = parts
    .map((_, i) => i)
    .filter((i) => parts[i].count > 0)
    .sort((a, b) => cmp(parts[a].first, parts[b].first) || a - b);
  const chunks: Chunk[] = [];
  const groups: number[][] = [];
  const push = (c: Chunk) => {
    const last = chunks[chunks.length - 1];
    if (last && last.part === c.part && last.to === c.from) last.to = c.to;
    else chunks.push(c);
  };
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    let last = parts[order[i]].last;
    while (j < order.length && cmp(parts[order[j]].first, last) <= 0) {
      if (cmp(parts[order[j]].last, last) > 0) last = parts[order[j]].last;
      j++;
    }
    groups.push(order.slice(i, j));
    if (j === i + 1) push({ part: order[i], from: 0, to: parts[order[i]].count });
    else for (const c of interleave(parts, order.slice(i, j))) push(c);
    i = j;
  }
  return { chunks, groups };
}

/** The subjects of overlapping parts merged one by one; a subject in two parts is an error of the build. */
function interleave(parts: readonly Part[], group: number[]): Chunk[] {
  const lists = group.map((p) => ({ part: p, subjects: parts[p].subjects(), at: 0 }));
  const chunks: Chunk[] = [];
  for (;;) {
    let best: (typeof lists)[number] | undefined;
    for (const l of lists) {
      if (l.at === l.subjects.length) continue;
      const c = best ? cmp(l.subjects[l.at], best.subjects[best.at]) : -1;
      if (c === 0) throw new Error(`<${l.subjects[l.at]}> is described by both ${parts[best!.part].name} and ${parts[l.part].name}`);
      if (c < 0) best = l;
    }
    if (!best) return chunks;
    chunks.push({ part: best.part, from: best.at, to: ++best.at });
  }
}
