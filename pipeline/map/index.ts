// Stage 4, map: reconciled records to RDF, one graph per record (plus the shared agents and
// vocabularies), so that later stages can validate, cache or replace one record at a time.

import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { Iris } from '../iri.ts';
import type { Reconciled, Target } from '../reconcile/index.ts';
import type { RecordGraph } from './graph.ts';
import { mapM49 } from './m49.ts';
import { mapMechanism } from './mechanism.ts';
import { mapAgentsOf, mapVocabularies } from './reference.ts';

export function map(rec: Reconciled, iris: Iris): { graphs: RecordGraph[]; diagnostics: Diagnostic[] } {
  const shared = mapShared(rec, rec.occurrences.map((o) => o.resolution.target), iris);
  return { graphs: [...rec.project.mechanisms.map((m) => mapMechanism(m.record, m.source, rec, iris)), ...shared.graphs], diagnostics: shared.diagnostics };
}

/** The graphs that are no record's own: the agents the records' names resolve to (`targets`), the vocabularies, the M49 areas. */
export function mapShared(rec: Omit<Reconciled, 'occurrences' | 'resolve'>, targets: Iterable<Target>, iris: Iris): { graphs: RecordGraph[]; diagnostics: Diagnostic[] } {
  const m49 = mapM49(rec.countries, rec.project.countries, iris);
  return { graphs: [mapAgentsOf(targets, rec, iris), mapVocabularies(rec.project.vocabularies, iris), m49.graph], diagnostics: sortDiagnostics(m49.diagnostics) };
}
