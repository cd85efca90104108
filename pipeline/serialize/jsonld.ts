// JSON-LD, compacted with ontology/context.jsonld, which is embedded so that the dump
// needs no network to be read. Node objects are ordered by @id for stable output.

import jsonld from 'jsonld';
import type { Quad } from 'n3';
import { toNTriples } from './ntriples.ts';

export async function toJsonLd(triples: Quad[], context: jsonld.ContextDefinition): Promise<string> {
  const expanded = await jsonld.fromRDF(toNTriples(triples), { format: 'application/n-quads', useNativeTypes: false });
  const compacted: Record<string, unknown> = await jsonld.compact(expanded, context, { compactArrays: true });
  const graph = (compacted['@graph'] as { '@id': string }[] | undefined) ?? [];
  graph.sort((a, b) => (a['@id'] < b['@id'] ? -1 : a['@id'] > b['@id'] ? 1 : 0));
  return `${JSON.stringify({ '@context': compacted['@context'], '@graph': graph }, null, 2)}\n`;
}
