// VoID part of dataset.ttl: the size of the data (triples, entities, distinct subjects and
// objects, one partition per class and per property) and one linkset per external target, all
// counted from the very triples the dumps hold, so that a SPARQL count over a dump agrees.

import { termToId, type Quad } from 'n3';
import type { Iris } from '../iri.ts';
import { GraphBuilder, iri, plain, text, typed } from '../map/graph.ts';
import { DCT, EU_COUNTRY, EU_LANGUAGE, FOAF, RDF, SKOS, VOID, WIKIDATA } from '../map/vocab.ts';
import type { Described } from './dataset.ts';
import { cmp } from './order.ts';
import { curie } from '../serve/html/terms.ts';
import { prefixes } from './turtle.ts';

interface Target {
  id: string;
  title: { fr: string; en: string };
  /** The namespace the target's resources live in; a link is a triple whose object is in it. */
  uriSpace: string;
  predicate: string;
  homepage?: string;
  /** True for a part of this dataset (the M49 areas), false for an outside dataset. */
  subset: boolean;
}

function targets(iris: Iris): Target[] {
  return [
    { id: 'wikidata', title: { fr: 'Wikidata', en: 'Wikidata' }, uriSpace: WIKIDATA(''), predicate: SKOS('exactMatch'), homepage: 'https://www.wikidata.org/', subset: false },
    { id: 'geonames', title: { fr: 'GeoNames', en: 'GeoNames' }, uriSpace: 'https://sws.geonames.org/', predicate: SKOS('exactMatch'), homepage: 'https://www.geonames.org/', subset: false },
    {
      id: 'eu-country',
      title: { fr: "Table d'autorité des pays de l'Union européenne", en: 'EU country authority table' },
      uriSpace: EU_COUNTRY(''),
      predicate: SKOS('exactMatch'),
      subset: false,
    },
    {
      id: 'eu-language',
      title: { fr: "Table d'autorité des langues de l'Union européenne", en: 'EU language authority table' },
      uriSpace: EU_LANGUAGE(''),
      predicate: DCT('language'),
      subset: false,
    },
    {
      id: 'm49',
      title: { fr: 'Zones M49 des Nations Unies, d’après la table des pays', en: 'United Nations M49 areas, from the country table' },
      uriSpace: iris.m49Area(''),
      predicate: iris.term('m49Area'),
      subset: true,
    },
  ];
}

/**
 * What VoID says of the data, counted from the triples of one part of the graph (a record, the
 * shared agents and vocabularies) or of all of it. Parts describe disjoint subjects, so the
 * statistics of the whole are the sums of the parts' (addStatistics), the distinct objects
 * excepted, which are kept as a list to be unioned.
 */
export interface DataStatistics {
  triples: number;
  subjects: number;
  /** Subjects in the dataset's URI space and in each subset target's (by uriSpace). */
  subjectsIn: Record<string, number>;
  /** Distinct objects, as n3 term ids. */
  objects: string[];
  properties: Record<string, number>;
  /** Distinct subjects of each class. */
  instances: Record<string, number>;
  /** Triples of each linkset, by target id. */
  links: Record<string, number>;
  /** The IOM pages the mechanisms were read from (their foaf:page), distinct, for dcat.ts. */
  pages: string[];
}

export function statisticsOf(data: readonly Quad[], iris: Iris): DataStatistics {
  const spaces = [`${iris.base}id/`, ...targets(iris).filter((t) => t.subset).map((t) => t.uriSpace)];
  const subjects = new Set<string>();
  const objects = new Set<string>();
  const properties: Record<string, number> = {};
  const instances = new Map<string, Set<string>>();
  const links: Record<string, number> = Object.fromEntries(targets(iris).map((t) => [t.id, 0]));
  const pages = new Set<string>();
  for (const q of data) {
    if (q.predicate.value === FOAF('page')) pages.add(q.object.value);
    subjects.add(q.subject.value);
    objects.add(termToId(q.object));
    properties[q.predicate.value] = (properties[q.predicate.value] ?? 0) + 1;
    if (q.predicate.value === RDF('type')) instances.set(q.object.value, (instances.get(q.object.value) ?? new Set()).add(q.subject.value));
    for (const t of targets(iris))
      if (q.predicate.value === t.predicate && q.object.termType === 'NamedNode' && q.object.value.startsWith(t.uriSpace)) links[t.id]++;
  }
  return {
    triples: data.length,
    subjects: subjects.size,
    subjectsIn: Object.fromEntries(spaces.map((u) => [u, [...subjects].filter((s) => s.startsWith(u)).length])),
    objects: [...objects].sort(cmp),
    properties,
    instances: Object.fromEntries([...instances].map(([c, xs]) => [c, xs.size])),
    links,
    pages: [...pages].sort(cmp),
  };
}

/** Adds a part's statistics to a running total; the sets collect the distinct objects and pages of all parts. */
export function addStatistics(total: DataStatistics, part: DataStatistics, distinct: { objects: Set<string>; pages: Set<string> }): void {
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  };
  total.triples += part.triples;
  total.subjects += part.subjects;
  add(total.subjectsIn, part.subjectsIn);
  add(total.properties, part.properties);
  add(total.instances, part.instances);
  add(total.links, part.links);
  for (const o of part.objects) distinct.objects.add(o);
  for (const p of part.pages) distinct.pages.add(p);
}

export function emptyStatistics(): DataStatistics {
  return { triples: 0, subjects: 0, subjectsIn: {}, objects: [], properties: {}, instances: {}, links: {}, pages: [] };
}

export function describeStatistics(g: GraphBuilder, d: Described): void {
  const { iris, release: r, statistics: st } = d;
  const D = iris.dataset;
  const uriSpace = `${iris.base}id/`;
  const properties = new Map(Object.entries(st.properties));
  const instances = new Map(Object.entries(st.instances));
  const count = (n: number) => typed(n, 'integer');

  g.types(D, VOID('Dataset'));
  g.add(D, VOID('triples'), count(st.triples));
  g.add(D, VOID('entities'), count(st.subjectsIn[uriSpace] ?? 0));
  g.add(D, VOID('distinctSubjects'), count(st.subjects));
  g.add(D, VOID('distinctObjects'), count(st.objects.length));
  g.add(D, VOID('properties'), count(properties.size));
  g.add(D, VOID('classes'), count(instances.size));
  g.add(D, VOID('uriSpace'), plain(uriSpace));
  g.add(D, VOID('sparqlEndpoint'), iri(r.sparqlEndpoint));
  g.add(D, VOID('exampleResource'), ...r.exampleResources.map(iri));
  g.add(D, VOID('dataDump'), ...d.dumps.map((path) => iri(`${r.downloadBase}${path}`)));
  const vocabularies = new Set([...properties.keys(), ...instances.keys()].map(namespaceOf));
  g.add(D, VOID('vocabulary'), ...[...vocabularies].sort(cmp).map(iri));

  const curie = curieMaker(iris);
  for (const c of [...instances.keys()].sort(cmp)) {
    const P = iris.classPartition(curie(c));
    g.types(P, VOID('Dataset'));
    g.add(P, VOID('class'), iri(c));
    g.add(P, VOID('entities'), count(instances.get(c)!));
    g.add(D, VOID('classPartition'), iri(P));
  }
  for (const p of [...properties.keys()].sort(cmp)) {
    const P = iris.propertyPartition(curie(p));
    g.types(P, VOID('Dataset'));
    g.add(P, VOID('property'), iri(p));
    g.add(P, VOID('triples'), count(properties.get(p)!));
    g.add(D, VOID('propertyPartition'), iri(P));
  }

  for (const t of targets(iris)) {
    const T = iris.linkTarget(t.id);
    g.types(T, VOID('Dataset'));
    g.add(T, DCT('title'), text(t.title.fr, 'fr'), text(t.title.en, 'en'));
    g.add(T, VOID('uriSpace'), plain(t.uriSpace));
    if (t.homepage) g.add(T, FOAF('homepage'), iri(t.homepage));
    if (t.subset) {
      g.add(D, VOID('subset'), iri(T));
      g.add(T, VOID('entities'), count(st.subjectsIn[t.uriSpace] ?? 0));
    }
    const L = iris.linkset(t.id);
    g.types(L, VOID('Linkset'), VOID('Dataset'));
    g.add(L, VOID('subjectsTarget'), iri(D));
    g.add(L, VOID('objectsTarget'), iri(T));
    g.add(L, VOID('linkPredicate'), iri(t.predicate));
    g.add(L, VOID('triples'), count(st.links[t.id] ?? 0));
    g.add(D, VOID('subset'), iri(L));
  }
}

function namespaceOf(term: string): string {
  return term.slice(0, Math.max(term.lastIndexOf('#'), term.lastIndexOf('/')) + 1);
}

/** `prefix-local` for a term of a known vocabulary: a readable, stable IRI segment for its partition. */
function curieMaker(iris: Iris): (term: string) => string {
  const known = prefixes(iris);
  return (term) => {
    const name = curie(term, known);
    if (name.startsWith('<')) throw new Error(`${name} is in no vocabulary of pipeline/map/vocab.ts`);
    return name.replace(':', '-');
  };
}
