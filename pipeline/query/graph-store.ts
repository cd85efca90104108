// Puts a release into any triple store that speaks the SPARQL 1.1 Graph Store HTTP Protocol: one
// PUT replaces the release's named graph with the N-Triples dump and the dataset description, so
// that loading a release again leaves exactly one copy of it. The description is sent as
// N-Triples too: Virtuoso 7.2's Turtle reader rejects valid Turtle such as `void:entities 293.`.

import { Parser } from 'n3';
import { BuildError, error } from '../diagnostics.ts';
import { toNTriples } from '../serialize/ntriples.ts';
import { canonicalTriples } from '../serialize/order.ts';
import type { Dumps } from './dumps.ts';

/** Long enough for a store to index a few hundred thousand triples, short enough to fail a stuck load. */
const TIMEOUT_MS = 300_000;

interface Pushed {
  graph: string;
  triples: number;
}

/** The endpoint without credentials, and a Basic authorisation header when the URL had some (`http://user:pw@host/…`). */
function target(endpoint: string, graph: string): { url: string; shown: string; headers: Record<string, string> } {
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
  const shown = url.href;
  url.searchParams.set('graph', graph);
  return { url: url.href, shown, headers };
}

/** The release as one N-Triples document: the dump, then the description's triples. */
function releaseNTriples(dumps: Dumps): string {
  if (!dumps.description) return dumps.ntriples;
  return dumps.ntriples + toNTriples(canonicalTriples(new Parser({ format: 'text/turtle' }).parse(dumps.description)));
}

export async function pushRelease(endpoint: string, graph: string, dumps: Dumps): Promise<Pushed> {
  const { url, shown, headers } = target(endpoint, graph);
  const body = releaseNTriples(dumps);
  let response: Response;
  try {
    response = await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/n-triples' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new BuildError([error('store-unreachable', `PUT ${shown} failed: ${(e as Error).cause ?? (e as Error).message}`)]);
  }
  const text = await response.text();
  if (!response.ok) throw new BuildError([error('store-refused', `PUT ${shown} answered ${response.status} ${response.statusText}: ${text.trim().slice(0, 500)}`)]);
  return { graph, triples: body.split('\n').filter((line) => line !== '').length };
}
