// The HTML document of one resource: its label, its IRI, every statement about it and every
// statement that mentions it, with links to the resources they name, and links to the same
// document in the other language and in each RDF format.

import type { Quad, Term } from 'n3';
import { DOCUMENT_EXTENSIONS, type Description } from '../../query/documents.ts';
import { GRAPH_FORMATS } from '../../query/formats.ts';
import type { Lang } from '../labels.ts';
import type { Site } from '../site.ts';
import { escapeHtml } from './escape.ts';
import { t } from './i18n.ts';
import { page } from './layout.ts';
import { curie, iriHtml, termHtml, type ShownTerm } from './terms.ts';
import { mechanismPictures } from '../../pictures/mechanism-pictures.ts';

const FORMAT_NAMES: Record<keyof typeof GRAPH_FORMATS, string> = { turtle: 'Turtle', ntriples: 'N-Triples', jsonld: 'JSON-LD', rdfxml: 'RDF/XML' };

export function shown(term: Term): ShownTerm {
  if (term.termType === 'Literal')
    return { type: 'literal', value: term.value, lang: term.language || undefined, datatype: term.datatype.value };
  return { type: 'uri', value: term.value };
}

/** Rows of property → values, in the canonical order of the triples (rdf:type first). */
function groupBy(quads: Quad[], key: (q: Quad) => string, value: (q: Quad) => Term): [string, Term[]][] {
  const groups = new Map<string, Term[]>();
  for (const q of quads) {
    const k = key(q);
    groups.set(k, [...(groups.get(k) ?? []), value(q)]);
  }
  return [...groups];
}

function table(rows: [string, Term[]][], head: [string, string], site: Site, lang: Lang): string {
  const body = rows
    .map(([property, values]) => {
      const cells = values.map((v) => `<li>${termHtml(shown(v), site, lang)}</li>`).join('');
      return `<tr><th scope="row">${iriHtml(property, site, lang)}</th><td><ul>${cells}</ul></td></tr>`;
    })
    .join('\n');
  return `<table class="statements">\n<thead><tr><th scope="col">${head[0]}</th><th scope="col">${head[1]}</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function resourcePage(site: Site, iri: string, d: Description, lang: Lang, docPath: string): string {
  const name = site.labels.of(iri, lang) ?? curie(iri, site.prefixes);
  const about = groupBy(d.about, (q) => q.predicate.value, (q) => q.object);
  const mentions = groupBy(d.mentions, (q) => q.predicate.value, (q) => q.subject);
  const alternates = (Object.keys(GRAPH_FORMATS) as (keyof typeof GRAPH_FORMATS)[]).map((f) => ({
    href: `${docPath}.${DOCUMENT_EXTENSIONS[f]}`,
    type: GRAPH_FORMATS[f],
    name: FORMAT_NAMES[f],
  }));
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const head =
    alternates.map((a) => `<link rel="alternate" type="${a.type}" href="${escapeHtml(a.href)}">`).join('\n') +
    `\n<link rel="alternate" hreflang="${other}" href="${escapeHtml(`${docPath}.${other}.html`)}">\n`;
  const body = `<h1>${escapeHtml(name)}</h1>
<p class="iri">${t('identifier', lang)} <code>${escapeHtml(iri)}</code></p>
<p class="formats">${t('formats', lang)}: ${alternates.map((a) => `<a href="${escapeHtml(a.href)}" type="${a.type}">${a.name}</a>`).join(' ')}</p>
${mechanismPictures(site, iri, lang)}<section>
<h2>${t('about', lang)}</h2>
${table(about, [t('property', lang), t('value', lang)], site, lang)}
</section>${
    mentions.length
      ? `
<section>
<h2>${t('mentions', lang)}</h2>
${table(mentions, [t('property', lang), t('subject', lang)], site, lang)}
</section>`
      : ''
  }`;
  return page({ lang, title: name, body, head, otherLanguageHref: `${docPath}.${other}.html`, endpoint: site.endpoint });
}
