// SHACL part by part (pipeline/check checkPart: each record on its own, the shared agents and
// vocabularies once) reports exactly what SHACL on the whole graph reports, with the same YAML
// locations, here on the real data with faults injected inside records, inside the shared
// graph, and in a shared node that records point to.

import { DataFactory, Parser, Store, type Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { assertLocalShapes, check, checkPart, parseShapes } from '../pipeline/check/index.ts';
import { formatDiagnostic } from '../pipeline/diagnostics.ts';
import { loadReference } from '../pipeline/load/index.ts';
import type { RecordGraph } from '../pipeline/map/graph.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { PROJECT_ROOT, runStages } from './helpers/project.ts';

const { namedNode, literal, quad } = DataFactory;
const ID = 'https://w3id.org/iscm/id/';
const iri = (s: string) => namedNode(s.startsWith('http') ? s : ID + s);
const ORG = 'http://www.w3.org/ns/org#';
const FOAF_AGENT = 'http://xmlns.com/foaf/0.1/Agent';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** The graphs of the real sources, with one fault of each kind. */
function faultyGraphs(): RecordGraph[] {
  const graphs = runStages(PROJECT_ROOT).graphs!;
  const edit = (key: string, change: (quads: Quad[]) => Quad[]) => {
    const g = graphs.find((x) => x.key === key)!;
    g.quads = change(g.quads);
  };
  // Inside a record: a second role, and a meeting located at a literal.
  edit('process/midsa', (qs) => [...qs, quad(iri('process/midsa/membership/chair/a-c/state/AGO'), iri(`${ORG}role`), iri('role/member-state'))]);
  edit('process/5plus5-dialogue', (qs) => [
    ...qs.filter((q) => !(q.subject.value === `${ID}process/5plus5-dialogue/meeting/2016-06-13-rabat` && q.predicate.value === 'http://schema.org/location')),
    quad(iri('process/5plus5-dialogue/meeting/2016-06-13-rabat'), iri('http://schema.org/location'), literal('Rabat')),
  ]);
  // Inside the shared graph: a concept with two French labels; and a State that is no longer an
  // agent, which every membership of it, in records, must now report too.
  edit('vocabularies', (qs) => [...qs, quad(iri('role/chair'), iri('http://www.w3.org/2004/02/skos/core#prefLabel'), literal('chaire', 'fr'))]);
  edit('agents', (qs) => qs.filter((q) => !(q.subject.value === `${ID}state/CHE` && q.predicate.value === RDF_TYPE && q.object.value === FOAF_AGENT)));
  return graphs;
}

describe('SHACL part by part', () => {
  it('reports what SHACL on the whole graph reports', async () => {
    const graphs = faultyGraphs();
    const shapes = parseShapes(loadReference(PROJECT_ROOT).reference.ontology.shapes);
    const whole = (await check(canonicalTriples(graphs.flatMap((g) => g.quads)), graphs, shapes)).map(formatDiagnostic).sort();

    const records = graphs.filter((g) => g.key.startsWith('process/'));
    const sharedGraphs = graphs.filter((g) => !g.key.startsWith('process/'));
    const shared: RecordGraph = { key: 'shared', quads: sharedGraphs.flatMap((g) => g.quads), origins: new Map(sharedGraphs.flatMap((g) => [...g.origins])) };
    const around = new Store(shared.quads);
    const subjects = (g: RecordGraph) => new Set(g.quads.map((q) => q.subject.value));
    const parts = (await Promise.all([...records, shared].map((g) => checkPart(g, subjects(g), around, shapes)))).flat().map(formatDiagnostic).sort();

    expect(parts).toEqual(whole);
    for (const focus of ['midsa/membership/chair/a-c/state/AGO', '2016-06-13-rabat', 'role/chair', 'id/state/CHE>', 'berne-initiative/membership/member-state/fr-seed/state/CHE'])
      expect(whole.some((d) => d.includes(focus)), focus).toBe(true);
  });

  it('refuses shapes that read incoming triples, which no single part holds', () => {
    const shapes = new Store(new Parser().parse('@prefix sh: <http://www.w3.org/ns/shacl#>. <s> sh:path [ sh:inversePath <p> ].'));
    expect(() => assertLocalShapes(shapes)).toThrow(/inversePath/);
    expect(() => assertLocalShapes(parseShapes(loadReference(PROJECT_ROOT).reference.ontology.shapes))).not.toThrow();
  });
});
