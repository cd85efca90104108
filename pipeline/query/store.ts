// The release in an embedded oxigraph store, in its named graph (`{base}graph/{version}`), as
// `make load` puts it in a remote store. Queries see the union of graphs as their default graph,
// so the same query text answers the same here and on a store the dumps were loaded into.

import * as oxigraph from 'oxigraph';
import type { Dumps } from './dumps.ts';

export interface ReleaseStore {
  store: oxigraph.Store;
  graph: oxigraph.NamedNode;
}

export function openStore(dumps: Pick<Dumps, 'ntriples' | 'description'>, graphIri: string): ReleaseStore {
  const store = new oxigraph.Store();
  const graph = oxigraph.namedNode(graphIri);
  store.load(dumps.ntriples, { format: 'application/n-triples', to_graph_name: graph });
  if (dumps.description) store.load(dumps.description, { format: 'text/turtle', to_graph_name: graph });
  return { store, graph };
}
