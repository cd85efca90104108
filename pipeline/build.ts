// The pipeline from loaded sources to the files of output/: validate, reconcile, map,
// serialize and check. Pure: it reads nothing and writes nothing; publish does that.

import { BuildError, hasErrors, sortDiagnostics } from './diagnostics.ts';
import { check, parseShapes } from './check/index.ts';
import type { Iris } from './iri.ts';
import type { LoadedProject } from './load/index.ts';
import { map } from './map/index.ts';
import { reconcile } from './reconcile/index.ts';
import { toJsonLd } from './serialize/jsonld.ts';
import { toNTriples } from './serialize/ntriples.ts';
import { canonicalTriples } from './serialize/order.ts';
import { toRdfXml } from './serialize/rdfxml.ts';
import { reconciliationJson, reconciliationMarkdown, reconciliationRows } from './serialize/reconciliation-report.ts';
import { toTurtle } from './serialize/turtle.ts';
import { validate } from './validate/index.ts';

export interface BuildResult {
  /** Paths relative to output/, with their contents. */
  files: Map<string, string>;
  triples: number;
}

export type StageTimer = <T>(stage: string, work: () => T) => T;
const untimed: StageTimer = (_stage, work) => work();

export async function build(loaded: LoadedProject, iris: Iris, time: StageTimer = untimed): Promise<BuildResult> {
  const valid = time('validate', () => validate(loaded));
  if (!valid.project) throw new BuildError(sortDiagnostics(valid.diagnostics));
  const rec = time('reconcile', () => reconcile(valid.project!));
  if (!rec.reconciled) throw new BuildError(sortDiagnostics(rec.diagnostics));
  const mapped = time('map', () => map(rec.reconciled!, iris));
  if (hasErrors(mapped.diagnostics)) throw new BuildError(mapped.diagnostics);
  const triples = time('order', () => canonicalTriples(mapped.graphs.flatMap((g) => g.quads)));

  const violations = await time('check', () => check(triples, mapped.graphs, parseShapes(loaded.ontology.shapes)));
  if (violations.length) throw new BuildError(violations);

  const context = JSON.parse(loaded.ontology.context)['@context'];
  const rows = reconciliationRows(rec.reconciled, iris);
  const files = new Map<string, string>();
  files.set('iscm.nt', time('n-triples', () => toNTriples(triples)));
  files.set('iscm.ttl', await time('turtle', () => toTurtle(triples, iris)));
  files.set('iscm.jsonld', await time('json-ld', () => toJsonLd(triples, context)));
  files.set('iscm.rdf', time('rdf/xml', () => toRdfXml(triples)));
  files.set('reports/reconciliation.json', reconciliationJson(rows));
  files.set('reports/reconciliation.md', reconciliationMarkdown(rows));
  return { files, triples: triples.length };
}
