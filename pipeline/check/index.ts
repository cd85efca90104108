// Stage 6, check: the whole graph against ontology/shapes.ttl with a real SHACL engine,
// before anything is written. A violation names the YAML file and line its node came from.

import { Parser, Store, type Quad } from 'n3';
import { error, sortDiagnostics, type Diagnostic, type Location } from '../diagnostics.ts';
import type { RecordGraph } from '../map/graph.ts';
import { validate } from './shacl.ts';

export function parseShapes(turtle: string): Store {
  return new Store(new Parser({ format: 'text/turtle' }).parse(turtle));
}

export async function check(triples: Quad[], graphs: RecordGraph[], shapes: Store): Promise<Diagnostic[]> {
  const results = await validate(new Store(triples), shapes);
  const origins = new Map<string, Location>();
  for (const g of graphs) for (const [iri, at] of g.origins) if (!origins.has(iri)) origins.set(iri, at);
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
function originOfParent(iri: string, origins: Map<string, Location>): Location | undefined {
  for (let i = iri.lastIndexOf('/'); i > 0; i = iri.lastIndexOf('/', i - 1)) {
    const at = origins.get(iri.slice(0, i));
    if (at) return at;
  }
  return undefined;
}
