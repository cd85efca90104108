// The SPARQL 1.1 Protocol at /sparql: queries by GET, by POST as a form or as a
// application/sparql-query body; answers in the format the Accept header prefers (an HTML table
// for a browser). Updates are refused: the service is read-only. A browser that asks for the
// page without a query gets the query editor.

import { QueryError, type ProtocolDataset } from '../query/execute.ts';
import type { QueryForm } from '../query/form.ts';
import { GRAPH_FORMATS, SOLUTION_FORMATS, type MediaType } from '../query/formats.ts';
import type { JsonResults } from '../query/table.ts';
import { queryPage } from './html/query-page.ts';
import { resultsPage } from './html/results-page.ts';
import { LANGUAGES } from './labels.ts';
import { MAX_HTML_RESULT_BYTES } from './limits.ts';
import { chooseLanguage, chooseMediaType } from './negotiate.ts';
import { queryPoolOf, QueryRefused } from './query-pool.ts';
import { failure, html, methodNotAllowed, ok, type Incoming, type Reply } from './reply.ts';
import type { Site } from './site.ts';

const HTML = 'text/html';

/** What each form offers, best first, with aliases that clients commonly send. */
const OFFERS: Record<'solutions' | 'graph', [offered: string, served: MediaType | typeof HTML][]> = {
  solutions: [
    [SOLUTION_FORMATS.json, SOLUTION_FORMATS.json],
    [SOLUTION_FORMATS.xml, SOLUTION_FORMATS.xml],
    [SOLUTION_FORMATS.csv, SOLUTION_FORMATS.csv],
    [SOLUTION_FORMATS.tsv, SOLUTION_FORMATS.tsv],
    ['application/json', SOLUTION_FORMATS.json],
    ['application/xml', SOLUTION_FORMATS.xml],
    [HTML, HTML],
  ],
  graph: [
    [GRAPH_FORMATS.turtle, GRAPH_FORMATS.turtle],
    [GRAPH_FORMATS.ntriples, GRAPH_FORMATS.ntriples],
    [GRAPH_FORMATS.jsonld, GRAPH_FORMATS.jsonld],
    [GRAPH_FORMATS.rdfxml, GRAPH_FORMATS.rdfxml],
    [HTML, HTML],
  ],
};

const TEXTUAL = new Set<string>(['text/csv', 'text/tab-separated-values', 'text/turtle']);
const STATUS: Record<QueryError['code'], number> = { 'sparql-syntax': 400, 'query-failed': 400, 'update-refused': 403, 'no-acceptable-format': 406 };

interface ProtocolRequest {
  query?: string;
  update: boolean;
  dataset: ProtocolDataset;
}

function fromParams(params: URLSearchParams, graphs: URLSearchParams = params): ProtocolRequest | Reply {
  const queries = params.getAll('query');
  if (queries.length > 1) return failure(400, 'malformed-request', 'give one query parameter');
  return {
    query: queries[0],
    update: params.has('update'),
    dataset: { defaultGraphs: graphs.getAll('default-graph-uri'), namedGraphs: graphs.getAll('named-graph-uri') },
  };
}

function protocolRequest(req: Incoming): ProtocolRequest | Reply {
  if (req.method === 'GET' || req.method === 'HEAD') return fromParams(req.params);
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const body = req.body?.toString('utf8') ?? '';
  if (type === 'application/x-www-form-urlencoded') return fromParams(new URLSearchParams(body));
  if (type === 'application/sparql-query') {
    const fromUrl = fromParams(req.params);
    return 'status' in fromUrl ? fromUrl : { ...fromUrl, query: body };
  }
  if (type === 'application/sparql-update') return { update: true, dataset: { defaultGraphs: [], namedGraphs: [] } };
  // A Graph Store Protocol write names its graph in the URL (`?graph=…` or `?default`).
  if (req.params.has('graph') || req.params.has('default')) return failure(403, 'update-refused', 'Graph Store Protocol writes are refused: this service is read-only');
  return failure(415, 'unsupported-media-type', 'POST a form (application/x-www-form-urlencoded) or application/sparql-query');
}

export async function sparqlEndpoint(site: Site, req: Incoming): Promise<Reply> {
  if (req.method === 'OPTIONS') return { status: 204, headers: { allow: 'GET, HEAD, POST, OPTIONS', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'Accept, Content-Type', 'access-control-max-age': '86400' } };
  if (!['GET', 'HEAD', 'POST'].includes(req.method)) return methodNotAllowed('GET, HEAD, POST, OPTIONS');
  const lang = chooseLanguage(req.headers['accept-language'], LANGUAGES);
  const parsed = protocolRequest(req);
  if ('status' in parsed) return parsed;
  if (parsed.update) return failure(403, 'update-refused', 'SPARQL Update is refused: this service is read-only');
  if (parsed.query === undefined) {
    if (chooseMediaType(req.headers.accept, [HTML]) && req.method !== 'POST') return html(queryPage(site, lang), { vary: 'Accept, Accept-Language' });
    return failure(400, 'missing-query', 'give the query in the query parameter or as an application/sparql-query body');
  }

  let served: MediaType | typeof HTML | undefined;
  const choose = (form: QueryForm): MediaType | undefined => {
    const offers = OFFERS[form === 'SELECT' || form === 'ASK' ? 'solutions' : 'graph'];
    const offered = chooseMediaType(req.headers.accept, offers.map(([o]) => o));
    served = offers.find(([o]) => o === offered)?.[1];
    if (served !== HTML) return served;
    return form === 'SELECT' || form === 'ASK' ? SOLUTION_FORMATS.json : GRAPH_FORMATS.ntriples;
  };
  try {
    const answer = await queryPoolOf(site).run(parsed.query, choose, parsed.dataset);
    const vary = { vary: 'Accept, Accept-Language' };
    if (served === HTML) {
      if (Buffer.byteLength(answer.body) > MAX_HTML_RESULT_BYTES)
        return failure(413, 'result-too-large', `the answer is over ${MAX_HTML_RESULT_BYTES} bytes, too large to show as a page; ask for JSON, CSV or Turtle, or add a LIMIT`);
      const shown = answer.form === 'SELECT' || answer.form === 'ASK'
        ? { kind: 'solutions' as const, results: JSON.parse(answer.body) as JsonResults }
        : { kind: 'graph' as const, ntriples: answer.body };
      return html(resultsPage(site, lang, parsed.query, shown), vary);
    }
    return ok(TEXTUAL.has(answer.mediaType) ? `${answer.mediaType}; charset=utf-8` : answer.mediaType, answer.body, vary);
  } catch (e) {
    if (e instanceof QueryRefused) return failure(e.status, e.code, e.message, e.headers);
    if (!(e instanceof QueryError)) throw e;
    const where = e.line === undefined ? '' : `line ${e.line}, column ${e.column}: `;
    return failure(STATUS[e.code], e.code, `${where}${e.message}`);
  }
}
