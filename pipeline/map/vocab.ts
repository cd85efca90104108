// Standard vocabularies the dataset uses. Our own terms are minted by pipeline/iri.ts.

const ns = (base: string) => (local: string) => base + local;

export const RDF = ns('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
export const XSD = ns('http://www.w3.org/2001/XMLSchema#');
export const OWL = ns('http://www.w3.org/2002/07/owl#');
export const ORG = ns('http://www.w3.org/ns/org#');
export const SKOS = ns('http://www.w3.org/2004/02/skos/core#');
export const DCT = ns('http://purl.org/dc/terms/');
export const SCHEMA = ns('http://schema.org/');
export const PROV = ns('http://www.w3.org/ns/prov#');
export const FOAF = ns('http://xmlns.com/foaf/0.1/');
export const TIME = ns('http://www.w3.org/2006/time#');
export const RDFS = ns('http://www.w3.org/2000/01/rdf-schema#');
export const DCAT = ns('http://www.w3.org/ns/dcat#');
export const VOID = ns('http://rdfs.org/ns/void#');
export const SPDX = ns('http://spdx.org/rdf/terms#');

export const WIKIDATA = ns('http://www.wikidata.org/entity/');
export const GEONAMES = (id: string) => `https://sws.geonames.org/${id}/`;
export const EU_COUNTRY = ns('http://publications.europa.eu/resource/authority/country/');
export const EU_LANGUAGE = ns('http://publications.europa.eu/resource/authority/language/');

/** ISO 639-1 codes to the EU language authority's codes; `und` is its "undetermined". */
export const EU_LANGUAGE_CODES: Record<string, string> = {
  ar: 'ARA',
  de: 'DEU',
  en: 'ENG',
  es: 'SPA',
  fr: 'FRA',
  it: 'ITA',
  pt: 'POR',
  ru: 'RUS',
  zh: 'ZHO',
  und: 'UND',
};

export const PREFIXES: Record<string, string> = {
  rdf: RDF(''),
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: XSD(''),
  owl: OWL(''),
  org: ORG(''),
  skos: SKOS(''),
  dct: DCT(''),
  schema: SCHEMA(''),
  prov: PROV(''),
  foaf: FOAF(''),
  time: TIME(''),
  dcat: 'http://www.w3.org/ns/dcat#',
  void: 'http://rdfs.org/ns/void#',
  wd: WIKIDATA(''),
};
