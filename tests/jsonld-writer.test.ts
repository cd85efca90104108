// The JSON-LD dump is compacted node by node by pipeline/serialize/jsonld.ts rather than by
// jsonld.js on the whole graph (docs/performance.md): it must give jsonld.js's bytes, on real
// records and on values that select terms the hard way.

import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { loadReference } from '../pipeline/load/index.ts';
import { toJsonLd } from '../pipeline/serialize/jsonld.ts';
import { toNTriples } from '../pipeline/serialize/ntriples.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { PROJECT_ROOT, runStages } from './helpers/project.ts';

const context = JSON.parse(loadReference(PROJECT_ROOT).reference.ontology.context)['@context'];

/** The dump as jsonld.js writes it: the whole graph from N-Triples, compacted at once, nodes in @id order. */
async function byJsonLdJs(triples: Quad[]): Promise<string> {
  const expanded = await jsonld.fromRDF(toNTriples(triples), { format: 'application/n-quads', useNativeTypes: false });
  const compacted: Record<string, unknown> = await jsonld.compact(expanded, context, { compactArrays: true });
  const graph = (compacted['@graph'] as unknown[] | undefined) ?? [compacted];
  if (!compacted['@graph']) delete (compacted as Record<string, unknown>)['@context'];
  return `${JSON.stringify({ '@context': context, '@graph': graph }, null, 2)}\n`;
}

describe('the node-by-node JSON-LD writer', () => {
  it('writes what jsonld.js writes for real records and the vocabularies', async () => {
    const graphs = runStages(PROJECT_ROOT).graphs!.filter((g) => ['process/berne-initiative', 'process/midsa', 'vocabularies'].includes(g.key));
    const triples = canonicalTriples(graphs.flatMap((g) => g.quads));
    expect(toJsonLd(triples, context)).toBe(await byJsonLdJs(triples));
  });

  it('writes what jsonld.js writes where a value does not fit its term', async () => {
    const triples = canonicalTriples(
      new Parser().parse(`
        @prefix iscm: <https://w3id.org/iscm/def/iscm#>. @prefix skos: <http://www.w3.org/2004/02/skos/core#>.
        @prefix schema: <http://schema.org/>. @prefix xsd: <http://www.w3.org/2001/XMLSchema#>.
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>. @prefix org: <http://www.w3.org/ns/org#>.
        <https://w3id.org/iscm/id/x> a skos:Concept, org:Organization;
          skos:exactMatch "not an IRI", <http://www.wikidata.org/entity/Q1>;
          schema:foundingDate "2001"^^xsd:gYear, "2001-05"^^xsd:gYearMonth, "2001";
          iscm:listedCount "3"^^xsd:integer, "three"@en, "3"^^xsd:string;
          rdf:object <https://w3id.org/iscm/id/y>, "quoted \\"text\\"\\n and é"@fr;
          rdf:predicate skos:prefLabel;
          skos:topConceptOf <https://w3id.org/iscm/id/scheme/role>;
          skos:prefLabel "x"^^<http://example.org/datatype>;
          <http://example.org/unknown#p> "v".
        <https://w3id.org/iscm/id/y> skos:notation "1".
      `),
    );
    expect(toJsonLd(triples, context)).toBe(await byJsonLdJs(triples));
  });
});
