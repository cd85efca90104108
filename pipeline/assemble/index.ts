// The dumps and reports as streams of bytes, assembled from the parts' fragments: records
// from their cache entries, the shared graphs from memory. Nothing is serialized here and no
// dump is ever held whole; a byte range of an entry is copied as it is (docs/performance.md).

import type { RecordCache } from '../cache/index.ts';
import type { EntryLayout, RecordIndex, SubjectSection } from '../records/entry.ts';
import { readIndex, type RecordSection } from '../records/entry.ts';
import type { Compressed, Piece } from '../publish/index.ts';
import { SEPARATOR, type JsonArrayDocument } from '../serialize/json-stream.ts';
import type { MethodCounts } from '../serialize/reconciliation-report.ts';
import { cmp } from '../serialize/order.ts';
import { plan, type Chunk, type Part } from './plan.ts';

export type Chunks = () => AsyncIterable<Piece>;

/** A part of the graph whose bytes can be copied out, per subject. */
export interface Source extends Part {
  /** The pieces of subjects [from, to) in one of the subject-ordered sections; a whole record comes with its gzip member. */
  pieces(section: SubjectSection, from: number, to: number): Piece;
}

/** A record whose fragments are in the cache. */
export class CachedRecord implements Source {
  private index?: RecordIndex;

  constructor(
    private readonly cache: RecordCache,
    private readonly entry: string,
    private readonly layout: EntryLayout,
  ) {}

  get name(): string {
    return this.layout.summary.file;
  }
  /** The record's graph key, `process/{id}`. */
  get key(): string {
    return this.layout.summary.key!;
  }
  get counts(): MethodCounts {
    return this.layout.summary.counts;
  }
  get first(): string {
    return this.layout.summary.first!;
  }
  get last(): string {
    return this.layout.summary.last!;
  }
  get count(): number {
    return this.layout.summary.subjects;
  }

  subjects(): string[] {
    return this.loadIndex().subjects;
  }

  pieces(section: SubjectSection, from: number, to: number): Piece {
    const start = this.layout.offsets[section];
    if (from === 0 && to === this.count) return { bytes: this.cache.read(this.entry, start, this.layout.summary.sizes[section]), gzip: this.whole(`${section}.gz`) };
    const lengths = this.loadIndex().lengths[section];
    const sum = (a: number, b: number) => lengths.slice(a, b).reduce((x, y) => x + y, 0);
    return this.cache.read(this.entry, start + sum(0, from), sum(from, to));
  }

  whole(section: RecordSection): Uint8Array {
    return this.cache.read(this.entry, this.layout.offsets[section], this.layout.summary.sizes[section]);
  }

  /** The record's N-Quads graph, with its gzip member. */
  nquads(): Compressed {
    return { bytes: this.whole('nq'), gzip: this.whole('nq.gz') };
  }

  private loadIndex(): RecordIndex {
    return (this.index ??= readIndex(this.cache.read(this.entry, this.layout.indexStart, this.layout.indexLength)));
  }
}

/** Subjects held in memory (the shared graphs), each its own part so that it falls wherever it sorts. */
export function inMemory(subjects: readonly string[], pieces: Record<SubjectSection, string[]>, name: string): Source[] {
  return subjects.map((s, i) => ({
    name,
    first: s,
    last: s,
    count: 1,
    subjects: () => [s],
    pieces: (section: SubjectSection, from: number, to: number) => pieces[section].slice(i + from, i + to).join(''),
  }));
}

export class Assembly {
  private readonly chunks: Chunk[];
  /** Indexes of the sources in canonical order, grouped where they overlap (assemble/plan.ts). */
  readonly groups: number[][];

  constructor(readonly sources: readonly Source[]) {
    ({ chunks: this.chunks, groups: this.groups } = plan(sources));
  }

  /** Whether `iri` is a subject of the graph. */
  has(iri: string): boolean {
    return this.sources.some((s) => cmp(s.first, iri) <= 0 && cmp(iri, s.last) <= 0 && s.subjects().includes(iri));
  }

  /** One subject-ordered dump: `head`, every subject's piece, `tail`. */
  dump(section: SubjectSection, head = '', tail = ''): Chunks {
    const { sources, chunks } = this;
    return async function* () {
      yield head;
      for (const c of chunks) yield sources[c.part].pieces(section, c.from, c.to);
      yield tail;
    };
  }

  /** A JSON document whose array holds every subject's piece (each piece starts with SEPARATOR). */
  jsonDump(section: SubjectSection, doc: JsonArrayDocument): Chunks {
    const { sources, chunks } = this;
    if (!chunks.length) return async function* () {
      yield doc.empty;
    };
    return async function* () {
      yield doc.head;
      let first = true;
      for (const c of chunks) {
        const bytes = sources[c.part].pieces(section, c.from, c.to);
        yield first ? withoutSeparator(bytes) : bytes;
        first = false;
      }
      yield doc.tail;
    };
  }
}

/** `pieces` in the order given, between `head` and `tail`. */
export function concatenated(pieces: readonly (() => Piece)[], head = '', tail = ''): Chunks {
  return async function* () {
    yield head;
    for (const p of pieces) yield p();
    yield tail;
  };
}

/** Like Assembly.jsonDump, for pieces that are whole records (report rows). */
export function jsonConcatenated(pieces: readonly (() => Uint8Array | string)[], doc: JsonArrayDocument, empty: boolean): Chunks {
  if (empty) return async function* () {
    yield doc.empty;
  };
  return async function* () {
    yield doc.head;
    let first = true;
    for (const p of pieces) {
      const bytes = p();
      if (!bytes.length) continue;
      yield first ? withoutSeparator(bytes) : bytes;
      first = false;
    }
    yield doc.tail;
  };
}

/** The piece without the separator before its first item; its gzip member, which has the separator, no longer fits. */
function withoutSeparator(piece: Piece): Uint8Array | string {
  if (typeof piece === 'string') return piece.slice(SEPARATOR.length);
  return (piece instanceof Uint8Array ? piece : piece.bytes).subarray(Buffer.byteLength(SEPARATOR));
}
