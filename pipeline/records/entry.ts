// The result of one record's work as bytes: a summary (what the rest of the build needs to
// know of the record) followed by the record's share of every output file, cut per subject
// where the dumps interleave records. It is what the cache keeps and what a worker hands back,
// and the assembly copies its sections into the dumps without parsing them again.
//
//   "iscm-record 1\n" | u32 summary length | summary JSON | u32 index length | index JSON | sections

import type { Diagnostic } from '../diagnostics.ts';
import type { Target } from '../reconcile/index.ts';
import type { MethodCounts } from '../serialize/reconciliation-report.ts';
import type { DataStatistics } from '../serialize/void.ts';
import type { MechanismRef } from '../validate/index.ts';
import type { Lang } from '../validate/types.ts';

const MAGIC = Buffer.from('iscm-record 1\n', 'utf8');

/** Output files that hold each subject of a record in one piece, in canonical order of the subjects. */
export const SUBJECT_SECTIONS = ['nt', 'ttl', 'jsonld', 'rdf'] as const;
/** The dumps' sections that are also kept as a gzip member of the whole record (serialize/gzip.ts gzipMember). */
export const GZIPPED_SECTIONS = ['nt', 'ttl', 'jsonld', 'rdf', 'nq'] as const;
export type GzippedSection = (typeof GZIPPED_SECTIONS)[number];
/**
 * Output files that hold a record in one piece (N-Quads graph, report rows), in record order;
 * the record's examples for the ontology's page (N-Triples lines, docs/ontology-html.ts); and
 * the gzip members of the record's share of each dump.
 */
export const RECORD_SECTIONS = ['nq', 'reconciliation.json', 'reconciliation.md', 'examples', 'nt.gz', 'ttl.gz', 'jsonld.gz', 'rdf.gz', 'nq.gz'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];
export const SECTIONS = [...SUBJECT_SECTIONS, ...RECORD_SECTIONS] as const;
export type SubjectSection = (typeof SUBJECT_SECTIONS)[number];
export type Section = (typeof SECTIONS)[number];

export type Stage = 'load' | 'validate' | 'reconcile' | 'map' | 'check';

export interface RecordSummary {
  file: string;
  /** The record's graph key (`process/{id}`), once it has been mapped. */
  key?: string;
  /** The first stage that found something wrong with the record, and everything it found. */
  failed?: { stage: Stage; diagnostics: Diagnostic[] };
  /** What the checks across records need (absent when the record's schema check failed). */
  ref?: MechanismRef;
  /** Everything the record's names resolve to, once each. */
  targets: Target[];
  /** The agents of names listed as unresolved: id, printed name, language, reason. */
  unresolved: [id: string, name: string, lang: Lang, reason: string][];
  counts: MethodCounts;
  triples: number;
  subjects: number;
  /** VoID's counts of the record's triples (serialize/void.ts). */
  statistics?: DataStatistics;
  /** First and last subject in canonical order, which place the record among the others. */
  first?: string;
  last?: string;
  /** Byte length of each section. */
  sizes: Record<Section, number>;
}

export interface RecordIndex {
  subjects: string[];
  /** Byte length of each subject's piece, per subject section. */
  lengths: Record<SubjectSection, number[]>;
}

export interface Fragments {
  subjects: string[];
  /** One piece per subject. */
  pieces: Record<SubjectSection, string[]>;
  whole: Record<RecordSection, string | Uint8Array>;
}

export function encodeEntry(summary: RecordSummary, fragments?: Fragments): Buffer {
  const parts: Uint8Array[] = [];
  const lengths = {} as RecordIndex['lengths'];
  const sizes = {} as RecordSummary['sizes'];
  for (const s of SUBJECT_SECTIONS) {
    const pieces = (fragments?.pieces[s] ?? []).map((p) => Buffer.from(p, 'utf8'));
    lengths[s] = pieces.map((b) => b.length);
    sizes[s] = lengths[s].reduce((a, b) => a + b, 0);
    parts.push(...pieces);
  }
  for (const s of RECORD_SECTIONS) {
    const w = fragments?.whole[s] ?? '';
    const b = typeof w === 'string' ? Buffer.from(w, 'utf8') : w;
    sizes[s] = b.length;
    parts.push(b);
  }
  const head = Buffer.from(JSON.stringify({ ...summary, sizes }), 'utf8');
  const index = Buffer.from(JSON.stringify({ subjects: fragments?.subjects ?? [], lengths } satisfies RecordIndex), 'utf8');
  return Buffer.concat([MAGIC, u32(head.length), head, u32(index.length), index, ...parts]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Where the parts of an entry lie, from its first bytes. */
export interface EntryLayout {
  summary: RecordSummary;
  indexStart: number;
  indexLength: number;
  /** Offset of each section in the entry. */
  offsets: Record<Section, number>;
}

/** The layout of an entry from a prefix of it; undefined when the prefix is too short to hold the summary. */
export function readLayout(prefix: Buffer, source: string): EntryLayout | undefined {
  if (prefix.length < MAGIC.length + 4) return undefined;
  if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${source} is not a record entry`);
  const headLength = prefix.readUInt32BE(MAGIC.length);
  const indexAt = MAGIC.length + 4 + headLength;
  if (prefix.length < indexAt + 4) return undefined;
  const summary = JSON.parse(prefix.subarray(MAGIC.length + 4, indexAt).toString('utf8')) as RecordSummary;
  const indexLength = prefix.readUInt32BE(indexAt);
  const offsets = {} as EntryLayout['offsets'];
  let at = indexAt + 4 + indexLength;
  for (const s of SECTIONS) {
    offsets[s] = at;
    at += summary.sizes[s];
  }
  return { summary, indexStart: indexAt + 4, indexLength, offsets };
}

export function readIndex(index: Buffer): RecordIndex {
  return JSON.parse(index.toString('utf8')) as RecordIndex;
}
