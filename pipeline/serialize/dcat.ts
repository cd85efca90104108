// DCAT 3 part of dataset.ttl: the catalogue, the data and the vocabulary as datasets, one
// distribution per published file with its size and SHA-256 computed from the very bytes the
// build writes, the licences (ours, with attribution to IOM, and the reused country table's),
// the publisher, the landing page and the SPARQL endpoint.

import { GraphBuilder, iri, plain, text, typed, type Obj } from '../map/graph.ts';
import { DCAT, DCT, EU_LANGUAGE, FOAF, OWL, PROV, RDFS } from '../map/vocab.ts';
import type { Described } from './dataset.ts';
import { addChecksum } from './spdx.ts';

const IANA = (type: string) => `https://www.iana.org/assignments/media-types/${type}`;
const SPARQL_PROTOCOL = 'https://www.w3.org/TR/sparql11-protocol/';

const FORMATS: Record<string, { mediaType: string; name: string }> = {
  ttl: { mediaType: 'text/turtle', name: 'Turtle' },
  nt: { mediaType: 'application/n-triples', name: 'N-Triples' },
  nq: { mediaType: 'application/n-quads', name: 'N-Quads' },
  jsonld: { mediaType: 'application/ld+json', name: 'JSON-LD' },
  rdf: { mediaType: 'application/rdf+xml', name: 'RDF/XML' },
};

const SERVICE_TITLE = { fr: "Point d'accès SPARQL du jeu de données iscm-lod", en: 'SPARQL endpoint of the iscm-lod dataset' };

export function describeCatalog(g: GraphBuilder, d: Described): void {
  const { release: r, iris } = d;
  const build = iris.build(r.version);
  const publisher = iris.publisher(r.publisher.id);
  const issued = typed(r.issued, 'date');
  const languages = [iri(EU_LANGUAGE('FRA')), iri(EU_LANGUAGE('ENG'))];
  const both = (t: { fr: string; en: string }): Obj[] => [text(t.fr, 'fr')!, text(t.en, 'en')!];

  const C = iris.catalog;
  g.types(C, DCAT('Catalog'));
  g.add(C, DCT('title'), ...both(r.catalog.title));
  g.add(C, DCT('description'), ...both(r.catalog.description));
  g.add(C, DCT('publisher'), iri(publisher));
  g.add(C, FOAF('homepage'), iri(r.landingPage));
  g.add(C, DCT('license'), iri(r.licence));
  g.add(C, DCT('issued'), issued);
  g.add(C, DCT('language'), ...languages);
  g.add(C, DCAT('dataset'), iri(iris.dataset), iri(iris.ontology));
  g.add(C, DCAT('service'), iri(iris.sparqlService));

  g.types(publisher, FOAF('Agent'));
  g.add(publisher, FOAF('name'), ...both(r.publisher.name));

  const D = iris.dataset;
  g.types(D, DCAT('Dataset'));
  g.add(D, DCT('title'), ...both(r.title));
  g.add(D, DCT('description'), ...both(r.description));
  g.add(D, DCAT('keyword'), ...r.keywords.fr.map((k) => text(k, 'fr')), ...r.keywords.en.map((k) => text(k, 'en')));
  g.add(D, DCAT('version'), plain(r.version));
  g.add(D, DCT('issued'), issued);
  g.add(D, DCT('publisher'), iri(publisher));
  g.add(D, DCT('license'), iri(r.licence));
  g.add(D, DCT('rights'), iri(iris.datasetRights));
  g.add(D, DCT('language'), ...languages);
  g.add(D, DCT('conformsTo'), iri(iris.ontology));
  g.add(D, DCAT('landingPage'), iri(r.landingPage));
  g.add(D, PROV('wasGeneratedBy'), iri(build));
  // IOM's pages are where every fact comes from (dct:source of each fact names its page version).
  g.add(D, DCT('source'), ...pagesOf(d).map(iri), ...r.reused.map((u) => iri(iris.reusedDataset(u.id))));
  for (const path of d.dumps) g.add(D, DCAT('distribution'), iri(distribution(g, d, path, [iri(r.licence)])));

  g.types(iris.datasetRights, DCT('RightsStatement'));
  g.add(iris.datasetRights, RDFS('label'), ...both(r.attribution));

  for (const u of r.reused) {
    const U = iris.reusedDataset(u.id);
    g.types(U, DCAT('Dataset'));
    g.add(U, DCT('title'), ...both(u.title));
    g.add(U, DCT('description'), ...both(u.description));
    g.add(U, DCT('license'), iri(u.licence));
    g.add(U, DCAT('landingPage'), iri(u.page));
  }
  for (const l of r.licences) {
    g.types(l.iri, DCT('LicenseDocument'));
    g.add(l.iri, RDFS('label'), text(l.label, 'en'));
  }

  const V = iris.ontology;
  const own = (p: string) => d.ontology.filter((q) => q.subject.value === V && q.predicate.value === p).map((q) => q.object as Obj);
  g.types(V, DCAT('Dataset'));
  g.add(V, DCT('title'), ...own(DCT('title')));
  g.add(V, DCT('description'), ...own(DCT('description')));
  g.add(V, DCAT('version'), ...own(OWL('versionInfo')).map((v) => plain(v.value)));
  g.add(V, DCT('license'), ...own(DCT('license')));
  g.add(V, DCT('issued'), issued);
  g.add(V, DCT('publisher'), iri(publisher));
  g.add(V, DCAT('landingPage'), iri(`${r.downloadBase}${d.ontologyPage}`));
  g.add(V, PROV('wasGeneratedBy'), iri(build));
  for (const path of d.ontologyFiles) g.add(V, DCAT('distribution'), iri(distribution(g, d, path, own(DCT('license')))));

  const S = iris.sparqlService;
  g.types(S, DCAT('DataService'));
  g.add(S, DCT('title'), ...both(SERVICE_TITLE));
  g.add(S, DCAT('endpointURL'), iri(r.sparqlEndpoint));
  g.add(S, DCAT('servesDataset'), iri(D));
  g.add(S, DCT('conformsTo'), iri(SPARQL_PROTOCOL));
}

function distribution(g: GraphBuilder, d: Described, path: string, licence: Obj[]): string {
  const digest = d.files.get(path);
  const gzipped = path.endsWith('.gz');
  const format = FORMATS[path.replace(/\.gz$/, '').replace(/^.*\./, '')];
  if (digest === undefined || !format) throw new Error(`no published file of a known format at ${path}`);
  const { release: r, iris } = d;
  const url = `${r.downloadBase}${path}`;
  const D = iris.distribution(path);
  g.types(D, DCAT('Distribution'), PROV('Entity'));
  g.add(D, DCT('title'), text(gzipped ? `${format.name}, compressé (gzip)` : format.name, 'fr'), text(gzipped ? `${format.name}, gzip-compressed` : format.name, 'en'));
  g.add(D, DCAT('accessURL'), iri(url));
  g.add(D, DCAT('downloadURL'), iri(url));
  g.add(D, DCAT('mediaType'), iri(IANA(format.mediaType)));
  if (gzipped) g.add(D, DCAT('compressFormat'), iri(IANA('application/gzip')));
  g.add(D, DCAT('byteSize'), typed(digest.bytes, 'nonNegativeInteger'));
  addChecksum(g, iris, D, digest.sha256);
  g.add(D, DCT('issued'), typed(r.issued, 'date'));
  g.add(D, DCT('license'), ...licence);
  g.add(D, PROV('wasGeneratedBy'), iri(iris.build(r.version)));
  return D;
}

/** The IOM pages the mechanisms were read from (their foaf:page), in code-point order. */
function pagesOf(d: Described): string[] {
  return [...d.statistics.pages].sort();
}
