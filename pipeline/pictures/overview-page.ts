// The overview page: the matrix of states against mechanisms, in French and English, served at
// /doc/overview (the language chosen by Accept-Language, or named: /doc/overview.fr.html) and
// written by the static export under the same names, which the nginx configuration of /doc/
// already negotiates.

import type { Lang } from '../serve/labels.ts';
import { html, type Reply } from '../serve/reply.ts';
import type { Site } from '../serve/site.ts';
import { page } from '../serve/html/layout.ts';
import { matrixFacts } from './facts.ts';
import { matrix } from './matrix.ts';
import { word } from './words.ts';

export const OVERVIEW_PATH = '/doc/overview';

const NAMED = new Map<string, Lang>([
  [`${OVERVIEW_PATH}.fr.html`, 'fr'],
  [`${OVERVIEW_PATH}.en.html`, 'en'],
]);

/** The static export's file for the page in `lang`. */
export const overviewFile = (lang: Lang) => `${OVERVIEW_PATH.slice(1)}.${lang}.html`;

export function isOverviewPath(path: string): boolean {
  return path === OVERVIEW_PATH || NAMED.has(path);
}

/** The link the home page and the mechanisms' pages give to the overview. */
export function overviewLink(lang: Lang): string {
  return `<p class="overview-link"><a href="${OVERVIEW_PATH}">${word('overviewLink', lang)}</a></p>`;
}

export function overviewPage(site: Site, lang: Lang): string {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const svg = matrix({ lang, facts: matrixFacts(site.release, site.release.iris, lang), href: (iri) => site.localPath(iri) });
  const body = `<h1>${word('overview', lang)}</h1>\n<p>${word('overviewIntro', lang)}</p>\n<figure class="matrix">\n${svg}\n</figure>`;
  return page({ lang, title: word('overview', lang), body, otherLanguageHref: `${OVERVIEW_PATH}.${other}.html`, endpoint: site.endpoint });
}

/** The answer for an overview path: `negotiated` is the language Accept-Language chose, used when the path names none. */
export function overview(site: Site, path: string, negotiated: Lang): Reply {
  const named = NAMED.get(path);
  return html(overviewPage(site, named ?? negotiated), named ? {} : { vary: 'Accept-Language' });
}
