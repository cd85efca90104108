// The whole pipeline for one mechanism record: parse, validate, reconcile, map, SHACL, and the
// record's share of every output file. It depends on nothing but the record's bytes and the
// RecordContext, which is what lets the build run records on worker threads and cache them by
// content (docs/performance.md).

import { checkPart } from '../check/index.ts';
import { exampleTriples } from '../docs/ontology-html.ts';
import type { StageTimer } from '../build.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseSource, type RawSource } from '../load/index.ts';
import { mapMechanism } from '../map/mechanism.ts';
import { reconciledFrom, reconcileMechanism, unresolvedAgents, type Target } from '../reconcile/index.ts';
import { SEPARATOR } from '../serialize/json-stream.ts';
import { gzipMember } from '../serialize/gzip.ts';
import { graphNQuads } from '../serialize/nquads.ts';
import { canonicalLines } from '../serialize/order.ts';
import { markdownRow, methodCounts, occurrenceRows } from '../serialize/reconciliation-report.ts';
import { statisticsOf } from '../serialize/void.ts';
import { validateMechanism } from '../validate/index.ts';
import type { RecordContext } from './context.ts';
import { subjectPieces } from './fragments.ts';
import { encodeEntry, RECORD_SECTIONS, SECTIONS, SUBJECT_SECTIONS, type Fragments, type RecordSummary, type Stage } from './entry.ts';

/** Time spent per step, summed over records, for the benchmark (bench/measure.ts). */
export type StepTimes = Record<string, number>;

/** A StageTimer that adds each step's wall time to `times`. */
export function stepTimer(times: StepTimes): StageTimer {
  return (step, work) => {
    const start = performance.now();
    const add = () => (times[step] = (times[step] ?? 0) + performance.now() - start);
    const result = work();
    if (result instanceof Promise) return result.finally(add) as typeof result;
    add();
    return result;
  };
}

/** The record's entry (pipeline/records/entry.ts): its summary and, when it is valid, its fragments. */
export async function buildRecord(ctx: RecordContext, raw: RawSource, time: StageTimer = (_step, work) => work()): Promise<Buffer> {
  const summary: RecordSummary = {
    file: raw.file,
    targets: [],
    unresolved: [],
    counts: { exact: 0, alias: 0, unresolved: 0 },
    triples: 0,
    subjects: 0,
    sizes: Object.fromEntries(SECTIONS.map((s) => [s, 0])) as RecordSummary['sizes'],
  };
  const failed = (stage: Stage, diagnostics: Diagnostic[]) => encodeEntry({ ...summary, failed: { stage, diagnostics } });

  const parsed = time('parse', () => parseSource(raw));
  if (!parsed.source) return failed('load', parsed.diagnostics);
  const valid = time('validate', () => validateMechanism(parsed.source!, ctx.vocabularies));
  summary.ref = valid.ref;
  if (!valid.item || valid.diagnostics.length) return failed('validate', valid.diagnostics);
  // The reference data is invalid: the build reports it, with what validation found in records.
  if (!ctx.reference || !ctx.resolver) return encodeEntry(summary);

  const { occurrences, diagnostics } = time('reconcile', () => reconcileMechanism(valid.item!, ctx.resolver!));
  if (diagnostics.length) return failed('reconcile', diagnostics);
  const rec = reconciledFrom({ ...ctx.reference, mechanisms: [valid.item] }, ctx.resolver, occurrences);
  const targets = new Map<string, Target>();
  for (const o of occurrences) targets.set(`${o.resolution.target.kind}/${o.resolution.target.id}`, o.resolution.target);
  summary.targets = [...targets.values()];
  summary.unresolved = [...unresolvedAgents(occurrences)].map(([id, u]) => [id, u.name, u.lang, u.reason]);

  const graph = time('map', () => mapMechanism(valid.item!.record, parsed.source!, rec, ctx.iris));
  summary.key = graph.key;
  const triples = time('order', () => canonicalLines(graph.quads));

  const own = [...new Set(triples.map((t) => t.q.subject.value))];
  summary.subjects = own.length;
  summary.first = own[0];
  summary.last = own[own.length - 1];

  // SHACL on the record alone; the agents and concepts it points to are checked once, by the build.
  const violations = await time('shacl', () => checkPart(graph, new Set(own), ctx.around, ctx.shapes));
  // The record's subjects still count, for the build's other checks (the release's examples).
  if (violations.length) return encodeEntry({ ...summary, failed: { stage: 'check', diagnostics: violations } }, withoutPieces(own));
  return time('serialize', () => {
    const { subjects, pieces } = subjectPieces(triples, ctx);

    const quads = triples.map((t) => t.q);
    summary.statistics = statisticsOf(quads, ctx.iris);
    const examples = new Set(exampleTriples(quads));
    const rows = occurrenceRows(occurrences, ctx.iris);
    summary.counts = methodCounts(rows);
    summary.triples = triples.length;
    const nq = graphNQuads(graph.key, triples.map((t) => t.line), ctx.iris);
    const member = (text: string) => gzipMember(Buffer.from(text, 'utf8'));
    const fragments: Fragments = {
      subjects,
      pieces,
      whole: {
        nq,
        'nt.gz': member(pieces.nt.join('')),
        'ttl.gz': member(pieces.ttl.join('')),
        'jsonld.gz': member(pieces.jsonld.join('')),
        'rdf.gz': member(pieces.rdf.join('')),
        'nq.gz': member(nq),
        'reconciliation.json': rows.map((r) => SEPARATOR + ctx.reconciliationDocument.item(r)).join(''),
        'reconciliation.md': rows.map((r) => `\n${markdownRow(r)}`).join(''),
        examples: triples
          .filter((t) => examples.has(t.q))
          .map((t) => `${t.line}\n`)
          .join(''),
      },
    };
    return encodeEntry(summary, fragments);
  });
}

function withoutPieces(subjects: string[]): Fragments {
  return {
    subjects,
    pieces: Object.fromEntries(SUBJECT_SECTIONS.map((s) => [s, []])) as unknown as Fragments['pieces'],
    whole: Object.fromEntries(RECORD_SECTIONS.map((s) => [s, ''])) as Fragments['whole'],
  };
}
