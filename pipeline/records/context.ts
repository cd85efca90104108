// What the work on any one mechanism record needs besides the record: the validated reference
// data, the name resolver, the shapes and the writers. Built once per thread (the main thread
// and each worker, from the same loaded sources), so that records can be processed one by one,
// in any order, on any thread, with the same result.

import { Store } from 'n3';
import { assertLocalShapes, parseShapes } from '../check/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { slugify, type Iris, type SchemeId } from '../iri.ts';
import type { LoadedReference } from '../load/index.ts';
import { mapM49 } from '../map/m49.ts';
import { mapAgentsOf, mapVocabularies } from '../map/reference.ts';
import { reconciler, type Resolver, type Target } from '../reconcile/index.ts';
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
  /**
   * Every node a record may point to without owning it (any agent or place of the reference
   * data, every concept): what SHACL reads of a record's values (pipeline/check checkPart).
   */
  around: Store;
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
    around: new Store(),
    shapes,
    jsonld: new JsonLdCompactor(context),
    jsonldDocument: jsonLdDocument(context),
    // The counts stand in the head only, so any counts give the same items.
    reconciliationDocument: reconciliationJsonDocument({ exact: 0, alias: 0, unresolved: 0 }),
    rdfxml: new RdfXmlWriter(iris),
  };
  if (!valid.reference) return { ...base, diagnostics: { validate: valid.diagnostics, reconcile: [] } };
  const { resolver, diagnostics } = reconciler(valid.reference);
  const reference = valid.reference;
  // Names listed as unresolved become agents of their own (pipeline/reconcile).
  const unresolved = new Map(
    reference.aliases.flatMap(({ record: a }) => ('unresolved' in a ? [[slugify(a.name), { name: a.name, lang: a.lang, reason: a.unresolved }] as const] : [])),
  );
  const everyone: Target[] = [
    ...[...resolver.countries.keys()].map((id) => ({ kind: 'state' as const, id })),
    ...[...resolver.organizations.keys()].map((id) => ({ kind: 'organization' as const, id })),
    ...[...resolver.places.keys()].map((id) => ({ kind: 'place' as const, id })),
    ...[...unresolved.keys()].map((id) => ({ kind: 'agent' as const, id })),
  ];
  const { countries, organizations, places } = resolver;
  const project = { ...reference, mechanisms: [] };
  for (const g of [
    mapAgentsOf(everyone, { project, countries, organizations, places, unresolved }, iris),
    mapVocabularies(reference.vocabularies, iris),
    mapM49(countries, reference.countries, iris).graph,
  ])
    base.around.addQuads(g.quads);
  return { ...base, reference, resolver, diagnostics: { validate: [], reconcile: diagnostics } };
}
