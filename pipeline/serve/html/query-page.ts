// The query page at /sparql: a plain form that works without JavaScript (its answer comes back as
// an HTML table), which YASGUI, bundled from npm and served from /assets/, replaces when scripts
// run. The researcher queries of ontology/queries/ are listed as links that run them.

import type { Lang } from '../labels.ts';
import type { Site } from '../site.ts';
import { escapeHtml } from './escape.ts';
import { t } from './i18n.ts';
import { page } from './layout.ts';

export function queryForm(lang: Lang, query: string): string {
  return `<form class="plain-query" method="get" action="/sparql">
<textarea name="query" rows="14" cols="100" spellcheck="false" aria-label="SPARQL">${escapeHtml(query)}</textarea>
<p><button type="submit">${t('run', lang)}</button></p>
</form>`;
}

export function queryPage(site: Site, lang: Lang): string {
  const first = site.examples[0]?.text ?? 'SELECT * WHERE { ?s ?p ?o } LIMIT 10\n';
  const examples = site.examples
    .map((e) => `<li><a href="/sparql?query=${escapeHtml(encodeURIComponent(e.text))}">${escapeHtml(e.name)}</a>: ${escapeHtml(e.question)}</li>`)
    .join('\n');
  const body = `<h1>${t('query', lang)}</h1>
<p>${t('queryHelp', lang)} <code>${escapeHtml(site.release.graph.value)}</code>.</p>
<div id="yasgui"></div>
${queryForm(lang, first)}
<section>
<h2>${t('examples', lang)}</h2>
<ul class="examples">
${examples}
</ul>
</section>`;
  const head = `<link rel="stylesheet" href="/assets/yasgui.min.css">
<script defer src="/assets/yasgui.min.js"></script>
<script defer src="/assets/query-page.js"></script>
`;
  return page({ lang, title: t('query', lang), body, head, endpoint: site.endpoint });
}
