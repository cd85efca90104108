// The reconciliation report: each printed name, what it resolved to, and how
// (exact, alias or unresolved), as JSON for tools and Markdown for people.

import type { Iris } from '../iri.ts';
import type { Occurrence, Reconciled, Target } from '../reconcile/index.ts';
import { jsonArrayDocument, SEPARATOR, type JsonArrayDocument } from './json-stream.ts';
import { cmp } from './order.ts';

export interface Row {
  mechanism: string;
  name: string;
  lang: string;
  context: string;
  method: string;
  target: string | null;
  reason: string | null;
  file: string;
  line: number;
}

function targetIri(t: Target, iris: Iris): string | null {
  if (t.kind === 'place') return iris.place(t.id);
  if (t.kind === 'unresolved-place') return null;
  return iris.agent(t);
}

export function reconciliationRows(rec: Reconciled, iris: Iris): Row[] {
  return occurrenceRows(rec.occurrences, iris);
}

/** The rows of names (of one record, or of all), in the report's order. */
export function occurrenceRows(occurrences: readonly Occurrence[], iris: Iris): Row[] {
  return occurrences
    .map((o) => ({
      mechanism: o.mechanism,
      name: o.name,
      lang: o.lang,
      context: o.context,
      method: o.resolution.method,
      target: targetIri(o.resolution.target, iris),
      reason: o.resolution.reason ?? null,
      file: o.file,
      line: o.line,
    }))
    .sort((a, b) => cmp(a.mechanism, b.mechanism) || a.line - b.line || cmp(a.context, b.context));
}

export type MethodCounts = Record<'exact' | 'alias' | 'unresolved', number>;

export function methodCounts(rows: readonly Row[]): MethodCounts {
  const counts: MethodCounts = { exact: 0, alias: 0, unresolved: 0 };
  for (const r of rows) counts[r.method as keyof MethodCounts]++;
  return counts;
}

export function reconciliationJson(rows: Row[]): string {
  const doc = reconciliationJsonDocument(methodCounts(rows));
  return rows.length ? doc.head + rows.map(doc.item).join(SEPARATOR) + doc.tail : doc.empty;
}

/** reports/reconciliation.json around its rows, so that the rows can be written record by record. */
export function reconciliationJsonDocument(counts: MethodCounts): JsonArrayDocument {
  return jsonArrayDocument({ counts }, 'names');
}

export function reconciliationMarkdown(rows: Row[]): string {
  return [reconciliationMarkdownHead(methodCounts(rows)), ...rows.map(markdownRow), ''].join('\n');
}

/** reports/reconciliation.md up to its first row; each row is one line, and the file ends with a newline. */
export function reconciliationMarkdownHead(counts: MethodCounts): string {
  return [
    '# Reconciliation report',
    '',
    'Each name as printed in `sources/mechanisms/`, what it resolved to and how: **exact** (a name of the',
    'reference data), **alias** (a reviewed entry of `sources/reference/aliases/`) or **unresolved** (published',
    'as a labelled agent with no external links, for the reason given).',
    '',
    `Exact: ${counts.exact}. Alias: ${counts.alias}. Unresolved: ${counts.unresolved}.`,
    '',
    '| mechanism | name as printed | lang | context | method | resolved to | reason | line |',
    '|---|---|---|---|---|---|---|---|',
  ].join('\n');
}

const cell = (s: string | null) => (s ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownRow(r: Row): string {
  return `| ${r.mechanism} | ${cell(r.name)} | ${r.lang} | ${r.context} | ${r.method} | ${r.target ? `<${r.target}>` : '—'} | ${cell(r.reason)} | ${r.line} |`;
}
