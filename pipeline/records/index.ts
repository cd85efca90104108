// The whole pipeline for one mechanism record: parse, validate, reconcile, map, SHACL, and the
// record's share of every output file. It depends on nothing but the record's bytes and the
// RecordContext, which is what lets the build run records on worker threads and cache them by
// content (docs/performance.md).

import type { Quad } from 'n3';
import { checkPart } from '../check/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseSource, type RawSource } from '../load/index.ts';
import { mapAgentsOf } from '../map/reference.ts';
import { mapMechanism } from '../map/mechanism.ts';
import { reconciledFrom, reconcileMechanism, type Target } from '../reconcile/index.ts';
import { SEPARATOR } from '../serialize/json-stream.ts';
import { graphNQuads } from '../serialize/nquads.ts';
import { canonicalLines } from '../serialize/order.ts';
import { markdownRow, methodCounts, occurrenceRows } from '../serialize/reconciliation-report.ts';
import { turtleBlocks } from '../serialize/turtle.ts';
import { validateMechanism } from '../validate/index.ts';
import { addTo, type RecordContext } from './context.ts';
import { encodeEntry, SECTIONS, type Fragments, type RecordSummary, type Stage } from './entry.ts';

/** The record's entry (pipeline/records/entry.ts): its summary and, when it is valid, its fragments. */
export async function buildRecord(ctx: RecordContext, raw: RawSource): Promise<Buffer> {
  const summary: RecordSummary = {
    file: raw.file,
    targets: [],
    counts: { exact: 0, alias: 0, unresolved: 0 },
    triples: 0,
    subjects: 0,
    sizes: Object.fromEntries(SECTIONS.map((s) => [s, 0])) as RecordSummary['sizes'],
  };
  const failed = (stage: Stage, diagnostics: Diagnostic[]) => encodeEntry({ ...summary, failed: { stage, diagnostics } });

  const parsed = parseSource(raw);
  if (!parsed.source) return failed('load', parsed.diagnostics);
  const valid = validateMechanism(parsed.source, ctx.vocabularies);
  summary.ref = valid.ref;
  if (!valid.item || valid.diagnostics.length) return failed('validate', valid.diagnostics);
  // The reference data is invalid: the build reports it, with what validation found in records.
  if (!ctx.reference || !ctx.resolver) return encodeEntry(summary);

  const { occurrences, diagnostics } = reconcileMechanism(valid.item, ctx.resolver);
  if (diagnostics.length) return failed('reconcile', diagnostics);
  const rec = reconciledFrom({ ...ctx.reference, mechanisms: [valid.item] }, ctx.resolver, occurrences);
  const targets = new Map<string, Target>();
  for (const o of occurrences) targets.set(`${o.resolution.target.kind}/${o.resolution.target.id}`, o.resolution.target);
  summary.targets = [...targets.values()];

  const graph = mapMechanism(valid.item.record, parsed.source, rec, ctx.iris);
  summary.key = graph.key;
  const triples = canonicalLines(graph.quads);
  const groups: { quads: Quad[]; lines: string[] }[] = [];
  for (const { q, line } of triples) {
    const last = groups[groups.length - 1];
    if (last && last.quads[0].subject.value === q.subject.value) last.quads.push(q), last.lines.push(line);
    else groups.push({ quads: [q], lines: [line] });
  }
  const subjects = groups.map((g) => g.quads[0].subject.value);

  // SHACL on the record, with what its values are (their types, their notations) from the
  // agents it names and the shared vocabularies; those nodes themselves are checked once, in the build.
  const own = new Set(subjects);
  const around = new Map<string, Quad[]>();
  for (const q of mapAgentsOf(summary.targets, rec, ctx.iris).quads) addTo(around, q);
  const data = triples.map((t) => t.q);
  const added = new Set<string>();
  for (const { q } of triples)
    if (q.object.termType === 'NamedNode' && !own.has(q.object.value) && !added.has(q.object.value)) {
      added.add(q.object.value);
      data.push(...(around.get(q.object.value) ?? ctx.sharedDescriptions.get(q.object.value) ?? []));
    }
  const violations = await checkPart(data, own, graph.origins, ctx.shapes);
  if (violations.length) return failed('check', violations);

  const rows = occurrenceRows(occurrences, ctx.iris);
  summary.counts = methodCounts(rows);
  summary.triples = triples.length;
  summary.subjects = subjects.length;
  summary.first = subjects[0];
  summary.last = subjects[subjects.length - 1];
  const fragments: Fragments = {
    subjects,
    pieces: {
      nt: groups.map((g) => `${g.lines.join('\n')}\n`),
      ttl: turtleBlocks(groups.map((g) => g.quads), ctx.iris),
      jsonld: groups.map((g) => SEPARATOR + ctx.jsonldDocument.item(ctx.jsonld.node(g.quads))),
      rdf: groups.map((g) => ctx.rdfxml.description(g.quads)),
    },
    whole: {
      nq: graphNQuads(graph.key, triples.map((t) => t.line), ctx.iris),
      'reconciliation.json': rows.map((r) => SEPARATOR + ctx.reconciliationDocument.item(r)).join(''),
      'reconciliation.md': rows.map((r) => `\n${markdownRow(r)}`).join(''),
    },
  };
  return encodeEntry(summary, fragments);
}
