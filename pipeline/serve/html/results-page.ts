// A query's answer as an HTML page, for a browser that submitted the plain query form: a table of
// solutions, yes or no for ASK, or the triples of a CONSTRUCT or DESCRIBE, with the query kept in
// the form above it to edit and run again.

import { Parser } from 'n3';
import type { JsonResults } from '../../query/table.ts';
import type { Lang } from '../labels.ts';
import type { Site } from '../site.ts';
import { escapeHtml } from './escape.ts';
import { t } from './i18n.ts';
import { page } from './layout.ts';
import { queryForm } from './query-page.ts';
import { shown } from './resource-page.ts';
import { termHtml, type ShownTerm } from './terms.ts';

type HtmlAnswer = { kind: 'solutions'; results: JsonResults } | { kind: 'graph'; ntriples: string };

function fromJson(term: { type: string; value: string; 'xml:lang'?: string; datatype?: string }): ShownTerm {
  if (term.type === 'uri') return { type: 'uri', value: term.value };
  if (term.type === 'bnode') return { type: 'bnode', value: term.value };
  return { type: 'literal', value: term.value, lang: term['xml:lang'], datatype: term.datatype };
}

function grid(vars: string[], rows: (ShownTerm | undefined)[][], site: Site, lang: Lang): string {
  const head = vars.map((v) => `<th scope="col">${escapeHtml(v)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c ? termHtml(c, site, lang) : ''}</td>`).join('')}</tr>`).join('\n');
  return `<p>${rows.length} ${t('rows', lang)}</p>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function resultsPage(site: Site, lang: Lang, query: string, answer: HtmlAnswer): string {
  let shownAnswer: string;
  if (answer.kind === 'graph') {
    const quads = new Parser({ format: 'N-Triples' }).parse(answer.ntriples);
    shownAnswer = grid(['subject', 'predicate', 'object'], quads.map((q) => [shown(q.subject), shown(q.predicate), shown(q.object)]), site, lang);
  } else if (typeof answer.results.boolean === 'boolean') {
    shownAnswer = `<p class="ask">${t(answer.results.boolean ? 'yes' : 'no', lang)}</p>`;
  } else {
    const vars = answer.results.head.vars ?? [];
    const rows = (answer.results.results?.bindings ?? []).map((b) => vars.map((v) => (b[v] ? fromJson(b[v]) : undefined)));
    shownAnswer = grid(vars, rows, site, lang);
  }
  const body = `<h1>${t('query', lang)}</h1>
${queryForm(lang, query)}
<section>
<h2>${t('results', lang)}</h2>
${shownAnswer}
</section>`;
  return page({ lang, title: t('results', lang), body, endpoint: site.endpoint });
}
