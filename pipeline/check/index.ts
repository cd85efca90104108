// Stage 6, check: the whole graph against ontology/shapes.ttl with a real SHACL engine,
// before anything is written. A violation names the YAML file and line its node came from.

import type * as RDF from '@rdfjs/types';
import { Parser, Store, type Quad, type Term } from 'n3';
import { error, sortDiagnostics, type Diagnostic, type Location } from '../diagnostics.ts';
import type { RecordGraph } from '../map/graph.ts';
import { validate, validateDataset, type ShaclResult } from './shacl.ts';

export function parseShapes(turtle: string): Store {
  return new Store(new Parser({ format: 'text/turtle' }).parse(turtle));
}

export async function check(triples: Quad[], graphs: RecordGraph[], shapes: Store): Promise<Diagnostic[]> {
  const origins = new Map<string, Location>();
  for (const g of graphs) for (const [iri, at] of g.origins) if (!origins.has(iri)) origins.set(iri, at);
  return violations(await validate(new Store(triples), shapes), origins);
}

/**
 * One part of the graph (a record, or the shared agents and vocabularies) on its own, so that
 * parts can be checked one at a time and in parallel. Values that are not the part's own
 * subjects (a member State, a role concept) are looked up in `around`, which value shapes
 * (sh:class, a path through a value) read; those nodes themselves are their own part's
 * business, and only the part's own subjects are focus nodes. The union over all parts is the
 * whole graph's report as long as no shape reads a node's incoming triples, which
 * assertLocalShapes ensures (docs/performance.md).
 */
export async function checkPart(part: RecordGraph, subjects: ReadonlySet<string>, around: Store, shapes: Store): Promise<Diagnostic[]> {
  const results = await validateDataset(new PartView(part.quads, subjects, around), shapes);
  return violations(
    results.filter((r) => subjects.has(r.focusNode)),
    part.origins,
  );
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/**
 * The data graph of one part: its own triples, and `around` for every other subject. Targets
 * are found by asking for the subjects of rdf:type triples; only the part's own answer, so
 * that the engine does not validate the nodes around as well (their results would be dropped).
 */
class PartView implements RDF.DatasetCore {
  private readonly own: Store;
  private readonly types: Store;

  constructor(
    quads: Quad[],
    private readonly subjects: ReadonlySet<string>,
    private readonly around: Store,
  ) {
    this.own = new Store(quads);
    this.types = new Store(quads.filter((q) => q.predicate.value === RDF_TYPE));
  }

  get size(): number {
    return this.own.size;
  }

  match(...pattern: (RDF.Term | null | undefined)[]): RDF.DatasetCore {
    const [s, p, o, g] = pattern as (Term | null | undefined)[];
    const store = s && !this.subjects.has(s.value) ? this.around : !s && p?.value === RDF_TYPE ? this.types : this.own;
    return store.match(s, p, o, g) as unknown as RDF.DatasetCore;
  }

  has(q: RDF.Quad): boolean {
    return (this.subjects.has(q.subject.value) ? this.own : this.around).has(q as Quad);
  }

  add(): this {
    throw new Error('the data graph is read-only');
  }

  delete(): this {
    throw new Error('the data graph is read-only');
  }

  [Symbol.iterator](): Iterator<RDF.Quad> {
    return this.own[Symbol.iterator]();
  }
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
