// Dereferenceable IRIs. `/id/{path}` stands for the resource `{base}id/{path}` and answers 303 See
// Other to `/doc/{path}`, the document about it, which content negotiation serves as HTML (in
// French or English), Turtle, JSON-LD, N-Triples or RDF/XML. `/doc/{path}.{ext}` names one variant.

import { describe, DOCUMENT_EXTENSIONS, serializeDescription, type Description } from '../query/documents.ts';
import { GRAPH_FORMATS, type GraphFormat } from '../query/formats.ts';
import { resourcePage } from './html/resource-page.ts';
import { LANGUAGES, type Lang } from './labels.ts';
import { chooseLanguage, chooseMediaType } from './negotiate.ts';
import { failure, html, methodNotAllowed, ok, redirect, type Incoming, type Reply } from './reply.ts';
import type { Site } from './site.ts';

export type Variant = { kind: 'html'; lang?: Lang } | { kind: 'rdf'; format: GraphFormat };

const HTML = 'text/html';
export const OFFERS = [HTML, ...Object.values(GRAPH_FORMATS)];
const BY_MEDIA_TYPE = Object.fromEntries(Object.entries(GRAPH_FORMATS).map(([f, m]) => [m, f as GraphFormat]));
const BY_EXTENSION: Record<string, Variant> = {
  html: { kind: 'html' },
  'fr.html': { kind: 'html', lang: 'fr' },
  'en.html': { kind: 'html', lang: 'en' },
  ...Object.fromEntries(Object.entries(DOCUMENT_EXTENSIONS).map(([f, ext]) => [ext, { kind: 'rdf', format: f as GraphFormat }])),
};
const EXTENSION = /\.(fr\.html|en\.html|html|ttl|nt|jsonld|rdf)$/;

/** The variant's file name suffix, as Content-Location and the static export name it. */
export function variantSuffix(v: Variant, lang: Lang): string {
  return v.kind === 'html' ? `.${v.lang ?? lang}.html` : `.${DOCUMENT_EXTENSIONS[v.format]}`;
}

/** The body of one variant of a resource's document. */
export function renderVariant(site: Site, iri: string, d: Description, v: Variant, lang: Lang, docPath: string): string {
  if (v.kind === 'html') return resourcePage(site, iri, d, v.lang ?? lang, docPath);
  return serializeDescription(d, v.format, site.release.iris, site.context);
}

function variantMediaType(v: Variant): string {
  if (v.kind === 'html') return 'text/html; charset=utf-8';
  return v.format === 'turtle' ? `${GRAPH_FORMATS.turtle}; charset=utf-8` : GRAPH_FORMATS[v.format];
}

export function identifier(site: Site, req: Incoming, path: string): Reply {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed('GET, HEAD');
  if (!describe(site.release, site.iriOf(path))) return failure(404, 'not-found', `${site.iriOf(path)} is not in the data`);
  return redirect(303, `/doc/${path}`);
}

export function document(site: Site, req: Incoming, requested: string): Reply {
  if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed('GET, HEAD');
  const lang = chooseLanguage(req.headers['accept-language'], LANGUAGES);
  // A variant by name, unless the name is a resource's own (`id:distribution/iscm.ttl`).
  const ext = EXTENSION.exec(requested);
  if (ext) {
    const path = requested.slice(0, -ext[0].length);
    const iri = site.iriOf(path);
    const d = describe(site.release, iri);
    const v = BY_EXTENSION[ext[1]];
    if (d) return ok(variantMediaType(v), renderVariant(site, iri, d, v, lang, `/doc/${path}`), v.kind === 'html' && !v.lang ? { vary: 'Accept-Language' } : {});
  }
  const iri = site.iriOf(requested);
  const d = describe(site.release, iri);
  if (!d) return failure(404, 'not-found', `${iri} is not in the data`);
  const docPath = `/doc/${requested}`;
  const chosen = chooseMediaType(req.headers.accept, OFFERS);
  if (!chosen) return failure(406, 'not-acceptable', `this document is available as ${OFFERS.join(', ')}`);
  const v: Variant = chosen === HTML ? { kind: 'html' } : { kind: 'rdf', format: BY_MEDIA_TYPE[chosen] };
  const headers = { vary: 'Accept, Accept-Language', 'content-location': `${docPath}${variantSuffix(v, lang)}` };
  const body = renderVariant(site, iri, d, v, lang, docPath);
  return v.kind === 'html' ? html(body, headers) : ok(variantMediaType(v), body, headers);
}
