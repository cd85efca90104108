// How an RDF term looks on a page: a resource as a link with its label and prefixed name, a
// literal as text with its language or datatype. Dataset IRIs link to their local `/id/…` path.

import type { Lang } from '../labels.ts';
import type { Site } from '../site.ts';
import { escapeHtml, safeHref } from './escape.ts';

export type ShownTerm =
  | { type: 'uri'; value: string }
  | { type: 'literal'; value: string; lang?: string; datatype?: string }
  | { type: 'bnode'; value: string };

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** A prefixed name where a prefix fits (`id:state/CHE`), else the IRI in angle brackets. */
export function curie(iri: string, prefixes: Record<string, string>): string {
  let best: [string, string] | undefined;
  for (const [name, ns] of Object.entries(prefixes))
    if (iri.startsWith(ns) && /^[\w\-./]+$/u.test(iri.slice(ns.length)) && (!best || ns.length > best[1].length)) best = [name, ns];
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}

function hrefOf(iri: string, site: Site): string | undefined {
  return site.localPath(iri) ?? safeHref(iri);
}

export function iriHtml(iri: string, site: Site, lang: Lang): string {
  const label = site.labels.of(iri, lang);
  const name = escapeHtml(curie(iri, site.prefixes));
  const href = hrefOf(iri, site);
  const text = label === undefined ? `<code>${name}</code>` : escapeHtml(label);
  const link = href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
  return label === undefined ? link : `${link} <code class="curie">${name}</code>`;
}

export function termHtml(term: ShownTerm, site: Site, lang: Lang): string {
  if (term.type === 'uri') return iriHtml(term.value, site, lang);
  if (term.type === 'bnode') return `<code>_:${escapeHtml(term.value)}</code>`;
  const value = escapeHtml(term.value);
  if (term.lang) return `<span lang="${escapeHtml(term.lang)}">${value}</span> <span class="tag">@${escapeHtml(term.lang)}</span>`;
  if (term.datatype && term.datatype !== XSD_STRING && term.datatype !== RDF_LANG_STRING)
    return `${value} <span class="tag">${escapeHtml(curie(term.datatype, site.prefixes))}</span>`;
  return value;
}
