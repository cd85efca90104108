// Maps the agents, places and SKOS vocabularies that the mechanisms refer to. Only states,
// organisations and places that some record uses are published; every vocabulary concept is.

import type { Iris, SchemeId } from '../iri.ts';
import { locate } from '../load/yaml.ts';
import type { Reconciled, Target } from '../reconcile/index.ts';
import type { Vocabulary } from '../validate/index.ts';
import { GraphBuilder, iri, plain, text, type RecordGraph } from './graph.ts';
import { EU_COUNTRY, FOAF, GEONAMES, ORG, SCHEMA, SKOS, WIKIDATA } from './vocab.ts';

export function mapAgents(rec: Reconciled, iris: Iris): RecordGraph {
  return mapAgentsOf(rec.occurrences.map((o) => o.resolution.target), rec, iris);
}

/** The agents and places among `targets` (what printed names resolved to), described from the reference data. */
export function mapAgentsOf(targets: Iterable<Target>, rec: Omit<Reconciled, 'occurrences' | 'resolve'>, iris: Iris): RecordGraph {
  const g = new GraphBuilder('agents');
  const T = iris.term;
  const states = new Set<string>();
  const orgs = new Set<string>();
  const places = new Set<string>();
  const unresolved = new Set<string>();
  for (const t of targets) {
    if (t.kind === 'state') states.add(t.id);
    else if (t.kind === 'organization') orgs.add(t.id);
    else if (t.kind === 'place') places.add(t.id);
    else if (t.kind === 'agent') unresolved.add(t.id);
  }
  for (const id of places) states.add(rec.places.get(id)!.country);
  // A unit's parent is published too, so that org:unitOf never dangles.
  for (const id of [...orgs]) for (let p = rec.organizations.get(id)?.unit_of; p; p = rec.organizations.get(p)?.unit_of) orgs.add(p);

  const origin = new Map(rec.project.organizations.map((o) => [o.record.id, locate(o.source, o.path)]));
  const placeOrigin = new Map(rec.project.places.map((o) => [o.record.id, locate(o.source, o.path)]));

  for (const code of [...states].sort()) {
    const c = rec.countries.get(code)!;
    const S = g.at(iris.state(code), { file: rec.project.countries.file, line: 1, column: 1 });
    g.types(S, T('State'), ORG('FormalOrganization'), ORG('Organization'), FOAF('Agent'), SCHEMA('Country'), SCHEMA('AdministrativeArea'), SCHEMA('Place'));
    g.add(S, SKOS('prefLabel'), text(c.names.fr || undefined, 'fr'), text(c.names.en || undefined, 'en'));
    g.add(S, T('iso3166Alpha2'), plain(c.alpha2 || undefined));
    g.add(S, T('iso3166Alpha3'), plain(c.alpha3));
    g.add(S, T('iso3166Numeric'), plain(c.numeric || undefined));
    g.add(S, T('m49Code'), plain(c.m49 || undefined));
    for (const a of c.areas) g.add(S, T('m49Area'), iri(iris.m49Area(a.code)));
    if (c.wikidata) g.add(S, SKOS('exactMatch'), iri(WIKIDATA(c.wikidata)));
    if (c.geonames) g.add(S, SKOS('exactMatch'), iri(GEONAMES(c.geonames)));
    g.add(S, SKOS('exactMatch'), iri(EU_COUNTRY(c.alpha3)));
  }

  for (const id of [...orgs].sort()) {
    const o = rec.organizations.get(id)!;
    const O = g.at(iris.organization(id), origin.get(id)!);
    g.types(O, ORG('Organization'), FOAF('Agent'));
    if (o.unit_of) {
      g.types(O, ORG('OrganizationalUnit'));
      g.add(O, ORG('unitOf'), iri(iris.organization(o.unit_of)));
    }
    g.add(O, SKOS('prefLabel'), text(o.names.fr, 'fr'), text(o.names.en, 'en'));
    g.add(O, T('acronym'), text(o.acronyms?.fr, 'fr'), text(o.acronyms?.en, 'en'));
    // Single-source identifiers are kept in the sources but not published until confirmed.
    if (o.wikidata?.status === 'confirmed') g.add(O, SKOS('exactMatch'), iri(WIKIDATA(o.wikidata.id)));
  }

  for (const id of [...unresolved].sort()) {
    const u = rec.unresolved.get(id)!;
    const U = iris.agent({ kind: 'agent', id });
    g.types(U, T('UnresolvedAgent'), FOAF('Agent'));
    g.add(U, SKOS('prefLabel'), text(u.name, u.lang));
    g.add(U, SKOS('editorialNote'), text(u.reason, 'en'));
  }

  for (const id of [...places].sort()) {
    const p = rec.places.get(id)!;
    const Pl = g.at(iris.place(id), placeOrigin.get(id)!);
    g.types(Pl, SCHEMA('Place'));
    g.add(Pl, SCHEMA('name'), text(p.names.fr, 'fr'), text(p.names.en, 'en'));
    g.add(Pl, SCHEMA('containedInPlace'), iri(iris.state(p.country)));
    if (p.geonames) g.add(Pl, SKOS('exactMatch'), iri(GEONAMES(p.geonames)));
    if (p.wikidata) g.add(Pl, SKOS('exactMatch'), iri(WIKIDATA(p.wikidata)));
  }
  return g.build();
}

export function mapVocabularies(vocabularies: Record<SchemeId, Vocabulary>, iris: Iris): RecordGraph {
  const g = new GraphBuilder('vocabularies');
  for (const scheme of Object.keys(vocabularies).sort() as SchemeId[]) {
    const v = vocabularies[scheme];
    const S = iris.scheme(scheme);
    g.types(S, SKOS('ConceptScheme'));
    g.add(S, SKOS('prefLabel'), text(v.scheme.labels.fr, 'fr'), text(v.scheme.labels.en, 'en'));
    g.add(S, SKOS('definition'), text(v.scheme.definitions?.fr, 'fr'), text(v.scheme.definitions?.en, 'en'));
    for (const c of v.concepts) {
      const C = g.at(iris.concept(scheme, c.record.id), locate(c.source, c.path));
      g.types(C, SKOS('Concept'));
      g.add(C, SKOS('inScheme'), iri(S));
      g.add(C, SKOS('topConceptOf'), iri(S));
      g.add(S, SKOS('hasTopConcept'), iri(C));
      g.add(C, SKOS('prefLabel'), text(c.record.labels.fr, 'fr'), text(c.record.labels.en, 'en'));
      g.add(C, SKOS('definition'), text(c.record.definitions?.fr, 'fr'), text(c.record.definitions?.en, 'en'));
      g.add(C, SKOS('notation'), plain(c.record.notation));
    }
  }
  return g.build();
}
