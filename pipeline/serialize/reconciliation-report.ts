// The reconciliation report: each printed name, what it resolved to, and how
// (exact, alias or unresolved), as JSON for tools and Markdown for people.

import type { Iris } from '../iri.ts';
import type { Occurrence, Reconciled, Target } from '../reconcile/index.ts';
import { cmp } from './order.ts';

interface Row {
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
  return rec.occurrences
    .map((o: Occurrence) => ({
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

export function reconciliationJson(rows: Row[]): string {
  const counts = { exact: 0, alias: 0, unresolved: 0 } as Record<string, number>;
  for (const r of rows) counts[r.method]++;
  return `${JSON.stringify({ counts, names: rows }, null, 2)}\n`;
}

export function reconciliationMarkdown(rows: Row[]): string {
  const cell = (s: string | null) => (s ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const counts = { exact: 0, alias: 0, unresolved: 0 } as Record<string, number>;
  for (const r of rows) counts[r.method]++;
  const lines = [
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
    ...rows.map(
      (r) =>
        `| ${r.mechanism} | ${cell(r.name)} | ${r.lang} | ${r.context} | ${r.method} | ${r.target ? `<${r.target}>` : '—'} | ${cell(r.reason)} | ${r.line} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
