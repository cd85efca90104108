// The static copy of the served site: every resource's document in each RDF format and in both
// languages of HTML, the home and download pages, the dumps, the assets and an nginx
// configuration that does the live server's 303s and content negotiation. Pure: publish writes it.

import { describe } from '../query/documents.ts';
import { GRAPH_FORMATS, type GraphFormat } from '../query/formats.ts';
import type { JsonResults } from '../query/table.ts';
import { cmp } from '../serialize/order.ts';
import { loadAssets } from '../serve/assets.ts';
import { downloadPage } from '../serve/html/download-page.ts';
import { homePage } from '../serve/html/home-page.ts';
import { LANGUAGES } from '../serve/labels.ts';
import { renderVariant, variantSuffix, type Variant } from '../serve/resources.ts';
import type { Site } from '../serve/site.ts';
import { NGINX_HTTP, NGINX_SERVER, NGINX_STANDALONE } from './nginx.ts';
import { overviewFile, overviewPage } from '../pictures/overview-page.ts';

const VARIANTS: Variant[] = [
  ...LANGUAGES.map((lang): Variant => ({ kind: 'html', lang })),
  ...(Object.keys(GRAPH_FORMATS) as GraphFormat[]).map((format): Variant => ({ kind: 'rdf', format })),
];

/** The dataset IRIs the release describes, that is the paths under /id/. */
export function resourcePaths(site: Site): string[] {
  const subjects = `SELECT DISTINCT ?s WHERE { GRAPH <${site.release.graph.value}> { ?s ?p ?o } FILTER(isIRI(?s)) }`;
  const rows = (JSON.parse(site.release.store.query(subjects, { results_format: 'json' }) as string) as JsonResults).results?.bindings ?? [];
  const paths = rows.map((r) => site.localPath(r.s.value)).filter((p): p is string => p?.startsWith('/id/') === true);
  return paths.map((p) => p.slice('/id/'.length)).sort(cmp);
}

export async function staticSite(site: Site): Promise<Map<string, string | Buffer>> {
  const files = new Map<string, string | Buffer>();
  for (const lang of LANGUAGES) {
    files.set(`index.${lang}.html`, homePage(site, lang));
    files.set(`download/index.${lang}.html`, downloadPage(site.release.dumps.files, lang, site.endpoint));
    files.set(overviewFile(lang), overviewPage(site, lang));
  }
  for (const f of site.release.dumps.files) files.set(`download/${f.name}`, f.content);
  for (const [name, asset] of loadAssets()) if (name !== 'query-page.js' && !name.startsWith('yasgui')) files.set(`assets/${name}`, asset.content);
  for (const path of resourcePaths(site)) {
    const iri = site.iriOf(path);
    const d = describe(site.release, iri)!;
    for (const v of VARIANTS) files.set(`doc/${path}${variantSuffix(v, 'en')}`, renderVariant(site, iri, d, v, 'en', `/doc/${path}`));
  }
  files.set('nginx/iscm-http.conf', NGINX_HTTP);
  files.set('nginx/iscm-server.conf', NGINX_SERVER);
  files.set('nginx/nginx.conf', NGINX_STANDALONE);
  return files;
}

