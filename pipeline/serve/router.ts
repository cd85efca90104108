// Which handler answers which path. Every answer of the service starts here, so that a limit or
// a header that applies to all of them can be added in one place.

import type { Asset } from './assets.ts';
import { downloadPage } from './html/download-page.ts';
import { homePage } from './html/home-page.ts';
import { LANGUAGES } from './labels.ts';
import { chooseLanguage } from './negotiate.ts';
import { failure, html, methodNotAllowed, ok, redirect, type Incoming, type Reply } from './reply.ts';
import { document, identifier } from './resources.ts';
import type { Site } from './site.ts';
import { sparqlEndpoint } from './sparql-endpoint.ts';
import { isOverviewPath, overview } from '../pictures/overview-page.ts';

export async function route(site: Site, assets: Map<string, Asset>, req: Incoming): Promise<Reply> {
  const { path } = req;
  if (path === '/sparql') return sparqlEndpoint(site, req);
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed('GET, HEAD');
  const lang = chooseLanguage(req.headers['accept-language'], LANGUAGES);
  if (path === '/') return html(homePage(site, lang), { vary: 'Accept-Language' });
  if (path.startsWith('/id/')) return identifier(site, req, path.slice('/id/'.length));
  if (isOverviewPath(path)) return overview(site, path, lang);
  if (path.startsWith('/doc/')) return document(site, req, path.slice('/doc/'.length));
  if (path === '/download') return redirect(301, '/download/');
  if (path === '/download/') return html(downloadPage(site.release.dumps.files, lang, site.endpoint), { vary: 'Accept-Language' });
  if (path.startsWith('/download/')) {
    const file = site.release.dumps.files.find((f) => `/download/${f.name}` === path);
    if (file) return ok(file.mediaType === 'text/turtle' ? 'text/turtle; charset=utf-8' : file.mediaType, file.content);
  }
  if (path.startsWith('/assets/')) {
    const asset = assets.get(path.slice('/assets/'.length));
    if (asset) return ok(asset.mediaType, asset.content);
  }
  return failure(404, 'not-found', `nothing is served at ${path}`);
}
