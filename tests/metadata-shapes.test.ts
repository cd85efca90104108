// ontology/shapes-metadata.ttl requires what DCAT-AP makes mandatory and what this project
// promises on top (sizes, checksums, versions, VoID figures): a description made by the
// pipeline conforms, and taking away any one required field, or giving it a wrong value, is
// caught on the node and path that lost it.

import n3 from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTurtle, validate, type ShaclResult } from '../pipeline/check/shacl.ts';
import { makeIris } from '../pipeline/iri.ts';
import { load } from '../pipeline/load/index.ts';
import { describeRelease } from '../pipeline/serialize/dataset.ts';
import { statisticsOf } from '../pipeline/serialize/void.ts';
import { digestOf } from '../pipeline/serialize/checksums.ts';
import { ontologyTriples } from '../pipeline/serialize/ontology.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { readRelease } from '../pipeline/validate/release.ts';
import { PROJECT_ROOT } from './helpers/project.ts';

const { namedNode, literal, quad } = n3.DataFactory;
const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  void: 'http://rdfs.org/ns/void#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  prov: 'http://www.w3.org/ns/prov#',
  spdx: 'http://spdx.org/rdf/terms#',
  sh: 'http://www.w3.org/ns/shacl#',
};
const iri = (curie: string) => {
  const [p, local] = curie.split(':');
  return NS[p as keyof typeof NS] + local;
};

// A small graph of the model's shape: enough for every part of the description to appear.
const DATA = `
@prefix iscm: <https://w3id.org/iscm/def/iscm#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix dct:  <http://purl.org/dc/terms/> .
<https://w3id.org/iscm/id/process/berne-initiative> a iscm:ConsultationMechanism ; foaf:page <https://iom.int/fr/initiative-de-berne> .
<https://w3id.org/iscm/id/state/CHE> a iscm:State ; iscm:m49Area <https://w3id.org/iscm/id/m49/150> ;
  skos:exactMatch <http://www.wikidata.org/entity/Q39> , <https://sws.geonames.org/2658434/> ,
    <http://publications.europa.eu/resource/authority/country/CHE> .
<https://w3id.org/iscm/id/m49/150> a skos:Concept ; skos:inScheme <https://w3id.org/iscm/id/scheme/m49> .
<https://w3id.org/iscm/id/process/berne-initiative/document/a> dct:language <http://publications.europa.eu/resource/authority/language/ENG> .
`;

let store: n3.Store;
let shapes: n3.Store;

beforeAll(() => {
  const loaded = load(PROJECT_ROOT).project!;
  const iris = makeIris();
  const { release } = readRelease(loaded.release!, iris.base, loaded.files);
  const dumps = ['iscm.ttl', 'iscm.nt', 'iscm.ttl.gz'];
  const ontologyFiles = ['ontology/iscm.ttl'];
  const described = describeRelease({
    release: release!,
    iris,
    statistics: statisticsOf(canonicalTriples(new n3.Parser().parse(DATA)), iris),
    ontology: ontologyTriples(loaded.ontology.iscm, iris),
    files: new Map([...dumps, ...ontologyFiles].map((path) => [path, digestOf(`contents of ${path}\n`)])),
    dumps,
    ontologyFiles,
    ontologyPage: 'ontology/index.html',
    inputs: loaded.files,
    pipelineVersion: '0.1.0',
  });
  store = new n3.Store(canonicalTriples(described.quads));
  shapes = parseTurtle(loaded.ontology.shapesMetadata);
});

/** The description with `change` applied to a copy. */
async function validateChanged(change: (s: n3.Store) => void): Promise<ShaclResult[]> {
  const copy = new n3.Store([...store]);
  change(copy);
  return (await validate(copy, shapes)).filter((r) => r.severity === 'violation');
}

const nodesOf = (cls: string) => store.getSubjects(namedNode(iri('rdf:type')), namedNode(iri(cls)), null).map((t) => t.value);

function removeAll(cls: string, path: string) {
  return (s: n3.Store) => {
    for (const node of s.getSubjects(namedNode(iri('rdf:type')), namedNode(iri(cls)), null))
      s.removeQuads(s.getQuads(node, namedNode(iri(path)), null, null));
  };
}

describe('ontology/shapes-metadata.ttl', () => {
  it('accepts the description the pipeline makes', async () => {
    expect(nodesOf('dcat:Distribution').length).toBe(4);
    expect(await validateChanged(() => {})).toEqual([]);
  });

  // DCAT-AP 3's mandatory properties, then this project's own requirements.
  const required: [string, string][] = [
    ['dcat:Catalog', 'dct:title'],
    ['dcat:Catalog', 'dct:description'],
    ['dcat:Catalog', 'dct:publisher'],
    ['dcat:Dataset', 'dct:title'],
    ['dcat:Dataset', 'dct:description'],
    ['dcat:Distribution', 'dcat:accessURL'],
    ['dcat:DataService', 'dct:title'],
    ['dcat:DataService', 'dcat:endpointURL'],
    ['foaf:Agent', 'foaf:name'],
    ['spdx:Checksum', 'spdx:algorithm'],
    ['spdx:Checksum', 'spdx:checksumValue'],
    ['dcat:Catalog', 'dcat:dataset'],
    ['dcat:Dataset', 'dct:license'],
    ['dcat:Distribution', 'dcat:downloadURL'],
    ['dcat:Distribution', 'dcat:mediaType'],
    ['dcat:Distribution', 'dcat:byteSize'],
    ['dcat:Distribution', 'spdx:checksum'],
    ['dcat:Distribution', 'prov:wasGeneratedBy'],
    ['void:Linkset', 'void:triples'],
    ['void:Linkset', 'void:linkPredicate'],
    ['prov:Activity', 'prov:used'],
  ];
  for (const [cls, path] of required)
    it(`requires ${path} on every ${cls}`, async () => {
      const results = await validateChanged(removeAll(cls, path));
      const nodes = nodesOf(cls);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect(results.some((r) => r.focusNode === node && r.path === iri(path)), node).toBe(true);
    });

  const released = () => store.getSubjects(namedNode(iri('dcat:distribution')), null, null).map((t) => t.value);
  for (const path of ['dcat:version', 'dct:issued', 'dct:publisher', 'dcat:landingPage', 'prov:wasGeneratedBy'])
    it(`requires ${path} on every released dataset`, async () => {
      const results = await validateChanged((s) => {
        for (const d of released()) s.removeQuads(s.getQuads(namedNode(d), namedNode(iri(path)), null, null));
      });
      expect(released().length).toBe(2);
      for (const d of released()) expect(results.some((r) => r.focusNode === d && r.path === iri(path)), d).toBe(true);
    });

  const DATASET = 'https://w3id.org/iscm/id/dataset';
  for (const figure of ['triples', 'entities', 'distinctSubjects', 'distinctObjects', 'properties', 'classes'])
    it(`requires the VoID figure void:${figure} of the dataset`, async () => {
      const results = await validateChanged((s) => s.removeQuads(s.getQuads(namedNode(DATASET), namedNode(iri(`void:${figure}`)), null, null)));
      expect(results.map((r) => [r.focusNode, r.path, r.constraint])).toContainEqual([DATASET, iri(`void:${figure}`), iri('sh:MinCountConstraintComponent')]);
    });

  it('rejects a checksum that is not a lower-case SHA-256, or made with another algorithm', async () => {
    const [checksum] = nodesOf('spdx:Checksum');
    const value = iri('spdx:checksumValue');
    const results = await validateChanged((s) => {
      s.removeQuads(s.getQuads(namedNode(checksum), namedNode(value), null, null));
      s.addQuad(quad(namedNode(checksum), namedNode(value), literal('ABC123', namedNode(iri('xsd:hexBinary')))));
      s.removeQuads(s.getQuads(namedNode(checksum), namedNode(iri('spdx:algorithm')), null, null));
      s.addQuad(quad(namedNode(checksum), namedNode(iri('spdx:algorithm')), namedNode(iri('spdx:checksumAlgorithm_sha1'))));
    });
    const got = results.filter((r) => r.focusNode === checksum).map((r) => `${r.path} ${r.constraint}`);
    expect(got).toContain(`${value} ${iri('sh:PatternConstraintComponent')}`);
    expect(got).toContain(`${iri('spdx:algorithm')} ${iri('sh:HasValueConstraintComponent')}`);
  });

  it('rejects a size that is not an xsd:nonNegativeInteger, and a media type outside IANA', async () => {
    const [d] = nodesOf('dcat:Distribution');
    const results = await validateChanged((s) => {
      for (const p of ['dcat:byteSize', 'dcat:mediaType']) s.removeQuads(s.getQuads(namedNode(d), namedNode(iri(p)), null, null));
      s.addQuad(quad(namedNode(d), namedNode(iri('dcat:byteSize')), literal('12', namedNode(iri('xsd:integer')))));
      s.addQuad(quad(namedNode(d), namedNode(iri('dcat:mediaType')), namedNode('http://example.org/turtle')));
    });
    const got = results.filter((r) => r.focusNode === d).map((r) => `${r.path} ${r.constraint}`);
    expect(got).toContain(`${iri('dcat:byteSize')} ${iri('sh:DatatypeConstraintComponent')}`);
    expect(got).toContain(`${iri('dcat:mediaType')} ${iri('sh:PatternConstraintComponent')}`);
  });
});
