// Stage 4, map: reconciled records to RDF, one graph per record (plus the shared agents and
// vocabularies), so that later stages can validate, cache or replace one record at a time.

import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { Iris } from '../iri.ts';
import type { Reconciled } from '../reconcile/index.ts';
import type { RecordGraph } from './graph.ts';
import { mapM49 } from './m49.ts';
import { mapMechanism } from './mechanism.ts';
import { mapAgents, mapVocabularies } from './reference.ts';

export function map(rec: Reconciled, iris: Iris): { graphs: RecordGraph[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const graphs: RecordGraph[] = rec.project.mechanisms.map((m) => mapMechanism(m.record, m.source, rec, iris));
  graphs.push(mapAgents(rec, iris), mapVocabularies(rec.project.vocabularies, iris));
  const m49 = mapM49(rec.countries, rec.project.countries, iris);
  graphs.push(m49.graph);
  diagnostics.push(...m49.diagnostics);
  return { graphs, diagnostics: sortDiagnostics(diagnostics) };
}
