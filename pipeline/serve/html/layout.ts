// The frame of every page: language, title, navigation and footer, with no script, so that each
// page reads and links the same with JavaScript off. Pages pass their body and head links in.

import type { Lang } from '../labels.ts';
import { escapeHtml } from './escape.ts';
import { t } from './i18n.ts';

interface PageParts {
  lang: Lang;
  title: string;
  body: string;
  /** Extra elements for <head> (alternate links, scripts), already escaped. */
  head?: string;
  /** The same page in the other language, for the language link. */
  otherLanguageHref?: string;
  /** Whether to link the query page (a static copy of the site has none). */
  endpoint: boolean;
}

export function page(p: PageParts): string {
  const other = p.otherLanguageHref
    ? ` <a class="lang" href="${escapeHtml(p.otherLanguageHref)}" hreflang="${p.lang === 'fr' ? 'en' : 'fr'}">${t('otherLanguage', p.lang)}</a>`
    : '';
  return `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)} · ${escapeHtml(t('site', p.lang))}</title>
<link rel="stylesheet" href="/assets/site.css">
${p.head ?? ''}</head>
<body>
<header><nav><a href="/">${t('home', p.lang)}</a>${p.endpoint ? ` <a href="/sparql">${t('query', p.lang)}</a>` : ''} <a href="/download/">${t('downloads', p.lang)}</a>${other}</nav></header>
<main>
${p.body}
</main>
<footer>${t('licence', p.lang)}</footer>
</body>
</html>
`;
}
