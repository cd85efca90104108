// The landing page: what the dataset is, and a link to every mechanism's page, so that a reader
// can start browsing from the root without knowing an IRI.

import * as oxigraph from 'oxigraph';
import type { Lang } from '../labels.ts';
import type { Site } from '../site.ts';
import { cmp } from '../../serialize/order.ts';
import { t } from './i18n.ts';
import { page } from './layout.ts';
import { iriHtml } from './terms.ts';
import { overviewLink } from '../../pictures/overview-page.ts';

const RDF_TYPE = oxigraph.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

export function homePage(site: Site, lang: Lang): string {
  const mechanismClass = oxigraph.namedNode(site.release.iris.term('ConsultationMechanism'));
  const mechanisms = site.release.store
    .match(null, RDF_TYPE, mechanismClass, site.release.graph)
    .map((q) => q.subject.value)
    .sort((a, b) => cmp(site.labels.of(a, lang) ?? a, site.labels.of(b, lang) ?? b) || cmp(a, b));
  const body = `<h1>${t('site', lang)}</h1>
<p>${t('intro', lang)}</p>
${overviewLink(lang)}
<section>
<h2>${t('mechanisms', lang)}</h2>
<ul class="mechanisms">
${mechanisms.map((m) => `<li>${iriHtml(m, site, lang)}</li>`).join('\n')}
</ul>
</section>`;
  return page({ lang, title: t('home', lang), body, endpoint: site.endpoint });
}
