// Stage 6, check: the whole graph against ontology/shapes.ttl with a real SHACL engine,
// before anything is written. A violation names the YAML file and line its node came from.

import { Parser, Store, type Quad } from 'n3';
import { error, sortDiagnostics, type Diagnostic, type Location } from '../diagnostics.ts';
import type { RecordGraph } from '../map/graph.ts';
import { validate, type ShaclResult } from './shacl.ts';

export function parseShapes(turtle: string): Store {
  return new Store(new Parser({ format: 'text/turtle' }).parse(turtle));
}

export async function check(triples: Quad[], graphs: RecordGraph[], shapes: Store): Promise<Diagnostic[]> {
  const origins = new Map<string, Location>();
  for (const g of graphs) for (const [iri, at] of g.origins) if (!origins.has(iri)) origins.set(iri, at);
  return violations(await validate(new Store(triples), shapes), origins);
}

/**
 * One part of the graph (a record, or the shared agents and vocabularies) on its own. `data`
 * holds the part's triples and the descriptions of the nodes it points to, which value shapes
 * (sh:class, paths through a value) read; results about nodes that are not the part's own
 * subjects are dropped, since their own part checks them. The union over all parts is the
 * whole graph's report as long as no shape reads a node's incoming triples, which
 * assertLocalShapes ensures.
 */
export async function checkPart(data: Quad[], own: ReadonlySet<string>, origins: ReadonlyMap<string, Location>, shapes: Store): Promise<Diagnostic[]> {
  return violations((await validate(new Store(data), shapes)).filter((r) => own.has(r.focusNode)), origins);
}

// A shape with one of these reads a node's incoming triples, which may lie in another part.
const NOT_LOCAL = ['inversePath', 'targetSubjectsOf', 'targetObjectsOf'].map((local) => `http://www.w3.org/ns/shacl#${local}`);

/** Throws when the shapes need more than one part of the graph at a time (see checkPart). */
export function assertLocalShapes(shapes: Store): void {
  for (const p of NOT_LOCAL)
    if (shapes.countQuads(null, p, null, null)) throw new Error(`ontology/shapes.ttl uses <${p}>, which the per-record SHACL check cannot evaluate (docs/performance.md)`);
}

function violations(results: ShaclResult[], origins: ReadonlyMap<string, Location>): Diagnostic[] {
  return sortDiagnostics(
    results
      .filter((r) => r.severity === 'violation')
      .map((r) =>
        error(
          'shacl-violation',
          `${r.message} (${r.constraint}${r.path ? ` on ${r.path}` : ''}, focus node <${r.focusNode}>${r.value ? `, value ${r.value}` : ''})`,
          origins.get(r.focusNode) ?? originOfParent(r.focusNode, origins),
        ),
      ),
  );
}

/** Nodes minted below another (a membership's period) report the place of their parent. */
function originOfParent(iri: string, origins: ReadonlyMap<string, Location>): Location | undefined {
  for (let i = iri.lastIndexOf('/'); i > 0; i = iri.lastIndexOf('/', i - 1)) {
    const at = origins.get(iri.slice(0, i));
    if (at) return at;
  }
  return undefined;
}
