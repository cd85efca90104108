// Puts a release into any triple store that speaks the SPARQL 1.1 Graph Store HTTP Protocol:
// PUT replaces the release's named graph with the N-Triples dump, then POST merges the dataset
// description into it, so that loading a release again leaves exactly one copy of it.

import { BuildError, error } from '../diagnostics.ts';
import type { Dumps } from './dumps.ts';

/** Long enough for a store to index a few hundred thousand triples, short enough to fail a stuck load. */
const TIMEOUT_MS = 300_000;

export interface Pushed {
  graph: string;
  /** Triples of the N-Triples dump (the description's come on top). */
  triples: number;
}

/** The endpoint without credentials, and a Basic authorisation header when the URL had some (`http://user:pw@host/…`). */
function target(endpoint: string, graph: string): { url: string; headers: Record<string, string> } {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new BuildError([error('bad-endpoint', `"${endpoint}" is not a URL`)]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BuildError([error('bad-endpoint', `"${endpoint}" is not an http(s) URL`)]);
  const headers: Record<string, string> = {};
  if (url.username || url.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  url.searchParams.set('graph', graph);
  return { url: url.href, headers };
}

async function send(method: 'PUT' | 'POST', endpoint: string, graph: string, mediaType: string, body: string): Promise<void> {
  const { url, headers } = target(endpoint, graph);
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { ...headers, 'content-type': mediaType }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new BuildError([error('store-unreachable', `${method} ${url.replace(/\?.*$/, '')} failed: ${(e as Error).cause ?? (e as Error).message}`)]);
  }
  const text = await response.text();
  if (!response.ok)
    throw new BuildError([error('store-refused', `${method} ${url.replace(/\?.*$/, '')} answered ${response.status} ${response.statusText}: ${text.trim().slice(0, 500)}`)]);
}

export async function pushRelease(endpoint: string, graph: string, dumps: Dumps): Promise<Pushed> {
  await send('PUT', endpoint, graph, 'application/n-triples', dumps.ntriples);
  if (dumps.description) await send('POST', endpoint, graph, 'text/turtle', dumps.description);
  return { graph, triples: dumps.ntriples.split('\n').filter((line) => line !== '').length };
}
