// Runs one SPARQL query over the release store and serialises its answer. The caller picks the
// media type once the query form is known (conneg for HTTP, a flag for the command line), so the
// query runs once. Failures carry stable codes and, for syntax errors, the line and column.

import * as oxigraph from 'oxigraph';
import { readPrologue, type QueryForm } from './form.ts';
import type { MediaType } from './formats.ts';
import type { ReleaseStore } from './store.ts';

export type QueryErrorCode = 'sparql-syntax' | 'update-refused' | 'no-acceptable-format' | 'query-failed';

export class QueryError extends Error {
  constructor(
    readonly code: QueryErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** The RDF dataset of the SPARQL 1.1 Protocol (`default-graph-uri`, `named-graph-uri`). */
export interface ProtocolDataset {
  defaultGraphs: string[];
  namedGraphs: string[];
}

export interface Answer {
  form: QueryForm;
  mediaType: MediaType;
  body: string;
}

/** Picks the media type for a form, or undefined when the client accepts none of those offered. */
export type ChooseFormat = (form: QueryForm) => MediaType | undefined;

export function runQuery(release: ReleaseStore, text: string, choose: ChooseFormat, dataset?: ProtocolDataset): Answer {
  const { form } = readPrologue(text);
  if (form === 'UPDATE') throw new QueryError('update-refused', 'SPARQL Update is refused: the published release is read-only');
  if (!form) throw syntaxError(() => release.store.query(text));
  const mediaType = choose(form);
  if (!mediaType) throw new QueryError('no-acceptable-format', `none of the formats of a ${form} answer is acceptable`);
  const options: Parameters<oxigraph.Store['query']>[1] = { results_format: mediaType };
  // Inside the try: a graph IRI the client gave may not be an IRI.
  try {
    if (dataset && (dataset.defaultGraphs.length || dataset.namedGraphs.length)) {
      options.default_graph = dataset.defaultGraphs.map((g) => oxigraph.namedNode(g));
      options.named_graphs = dataset.namedGraphs.map((g) => oxigraph.namedNode(g));
    } else {
      options.use_default_graph_as_union = true;
    }
    return { form, mediaType, body: release.store.query(text, options) as string };
  } catch (e) {
    throw asQueryError(e);
  }
}

function syntaxError(attempt: () => unknown): QueryError {
  try {
    attempt();
  } catch (e) {
    return asQueryError(e);
  }
  return new QueryError('sparql-syntax', 'the text does not start with SELECT, ASK, CONSTRUCT or DESCRIBE');
}

function asQueryError(e: unknown): QueryError {
  const message = e instanceof Error ? e.message : String(e);
  const at = /^error at (\d+):(\d+): ([\s\S]*)$/.exec(message);
  if (at) return new QueryError('sparql-syntax', at[3], Number(at[1]), Number(at[2]));
  return new QueryError('query-failed', message);
}
