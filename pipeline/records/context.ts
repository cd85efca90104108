// What the work on any one mechanism record needs besides the record: the validated reference
// data, the name resolver, the shapes and the writers. Built once per thread (the main thread
// and each worker, from the same loaded sources), so that records can be processed one by one,
// in any order, on any thread, with the same result.

import type { Quad, Store } from 'n3';
import { assertLocalShapes, parseShapes } from '../check/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Iris, SchemeId } from '../iri.ts';
import type { LoadedReference } from '../load/index.ts';
import { mapM49 } from '../map/m49.ts';
import { mapVocabularies } from '../map/reference.ts';
import { reconciler, type Resolver } from '../reconcile/index.ts';
import type { JsonArrayDocument } from '../serialize/json-stream.ts';
import { JsonLdCompactor, jsonLdDocument } from '../serialize/jsonld.ts';
import { RdfXmlWriter } from '../serialize/rdfxml.ts';
import { reconciliationJsonDocument } from '../serialize/reconciliation-report.ts';
import { validateReference, type ValidReference, type Vocabulary } from '../validate/index.ts';

export interface RecordContext {
  iris: Iris;
  vocabularies: Partial<Record<SchemeId, Vocabulary>>;
  /** Absent when the reference data is invalid: records are then validated but go no further. */
  reference?: ValidReference;
  resolver?: Resolver;
  /** The triples of the vocabularies' and M49 areas' nodes, by subject: what a record's values may need for SHACL. */
  sharedDescriptions: Map<string, Quad[]>;
  shapes: Store;
  jsonld: JsonLdCompactor;
  jsonldDocument: JsonArrayDocument;
  reconciliationDocument: JsonArrayDocument;
  rdfxml: RdfXmlWriter;
  /** What is wrong with the reference data itself, by the stage that finds it. */
  diagnostics: { validate: Diagnostic[]; reconcile: Diagnostic[] };
}

export function recordContext(loaded: LoadedReference, iris: Iris): RecordContext {
  const valid = validateReference(loaded);
  const shapes = parseShapes(loaded.ontology.shapes);
  assertLocalShapes(shapes);
  const context = JSON.parse(loaded.ontology.context)['@context'];
  const base = {
    iris,
    vocabularies: valid.vocabularies,
    sharedDescriptions: new Map<string, Quad[]>(),
    shapes,
    jsonld: new JsonLdCompactor(context),
    jsonldDocument: jsonLdDocument(context),
    // The counts stand in the head only, so any counts give the same items.
    reconciliationDocument: reconciliationJsonDocument({ exact: 0, alias: 0, unresolved: 0 }),
    rdfxml: new RdfXmlWriter(iris),
  };
  if (!valid.reference) return { ...base, diagnostics: { validate: valid.diagnostics, reconcile: [] } };
  const { resolver, diagnostics } = reconciler(valid.reference);
  const graphs = [mapVocabularies(valid.reference.vocabularies, iris), mapM49(resolver.countries, valid.reference.countries, iris).graph];
  for (const g of graphs) for (const q of g.quads) addTo(base.sharedDescriptions, q);
  return { ...base, reference: valid.reference, resolver, diagnostics: { validate: [], reconcile: diagnostics } };
}

export function addTo(descriptions: Map<string, Quad[]>, q: Quad): void {
  const list = descriptions.get(q.subject.value);
  if (list) list.push(q);
  else descriptions.set(q.subject.value, [q]);
}
