// output/dataset.ttl against the files it describes, in a fresh build: every size and SHA-256
// is the file's, every VoID figure is what SPARQL counts over the dumps, the build's
// provenance names the very files it read, and the N-Quads and gzip copies hold the same data.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as oxigraph from 'oxigraph';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTurtle, validate } from '../pipeline/check/shacl.ts';
import { buildInto, ROOT } from './helpers/built.ts';
import { sparqlOver, type Sparql } from './helpers/sparql.ts';

const BASE = 'https://w3id.org/iscm/';
const DATASET = `${BASE}id/dataset`;
const release = parse(readFileSync(join(ROOT, 'sources', 'release.yaml'), 'utf8'));
/** Where the release file says the files of output/ are published. */
const DOWNLOADS = new URL(release.downloads, BASE).href;
const PREFIXES = `
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX spdx: <http://spdx.org/rdf/terms#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
`;
const MEDIA_TYPES: Record<string, string> = {
  ttl: 'text/turtle',
  nt: 'application/n-triples',
  nq: 'application/n-quads',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

let out: string;
let files: string[];
let meta: oxigraph.Store;
let data: Sparql;

function rows(q: string): Record<string, string>[] {
  return (meta.query(PREFIXES + q) as Map<string, oxigraph.Term>[]).map((row) => Object.fromEntries([...row].map(([k, v]) => [k, v.value])));
}
const ask = (q: string) => meta.query(PREFIXES + q) as boolean;
const figure = (p: string) => Number(rows(`SELECT ?n WHERE { <${DATASET}> void:${p} ?n }`)[0]?.n);

beforeAll(async () => {
  out = await buildInto();
  files = listFiles(out).map((f) => relative(out, f));
  meta = new oxigraph.Store();
  meta.load(readFileSync(join(out, 'dataset.ttl'), 'utf8'), { format: 'text/turtle' });
  data = sparqlOver(join(out, 'iscm.nt'));
});

describe('dataset.ttl', () => {
  it('conforms to ontology/shapes-metadata.ttl', async () => {
    const results = await validate(
      parseTurtle(readFileSync(join(out, 'dataset.ttl'), 'utf8')),
      parseTurtle(readFileSync(join(ROOT, 'ontology', 'shapes-metadata.ttl'), 'utf8')),
    );
    expect(results).toEqual([]);
  });

  it('describes every dump and ontology file with its real size, SHA-256 and media type', () => {
    const distributions = rows(`SELECT ?url ?size ?sum ?type ?zip WHERE {
      ?d a dcat:Distribution ; dcat:downloadURL ?url ; dcat:accessURL ?url ; dcat:byteSize ?size ; dcat:mediaType ?type ;
         spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?sum ] .
      OPTIONAL { ?d dcat:compressFormat ?zip } }`);
    const paths = distributions.map((d) => d.url.slice(DOWNLOADS.length)).sort();
    expect(paths).toEqual(files.filter((f) => /^(ontology\/)?iscm\./.test(f)).sort());
    expect(paths).toEqual(expect.arrayContaining(['iscm.nq', 'iscm.nq.gz', 'iscm.nt.gz', 'ontology/iscm.ttl', 'ontology/iscm.rdf', 'ontology/iscm.jsonld']));
    for (const d of distributions) {
      const path = d.url.slice(DOWNLOADS.length);
      const bytes = readFileSync(join(out, path));
      expect(Number(d.size), path).toBe(bytes.length);
      expect(d.sum, path).toBe(sha256(bytes));
      const [, ext, gz] = /\.([a-z]+)(\.gz)?$/.exec(path)!;
      expect(d.type, path).toBe(`https://www.iana.org/assignments/media-types/${MEDIA_TYPES[ext]}`);
      expect(d.zip, path).toBe(gz ? 'https://www.iana.org/assignments/media-types/application/gzip' : undefined);
    }
  });

  it('leaves itself to SHA256SUMS, which covers every other file', () => {
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trimEnd().split('\n').map((l) => /^([0-9a-f]{64}) {2}(.+)$/.exec(l)!);
    expect(sums.map((m) => m[2])).toEqual(files.filter((f) => f !== 'SHA256SUMS').sort());
    expect(sums.map((m) => m[2])).toContain('dataset.ttl');
    for (const [, sum, path] of sums) expect(sum, path).toBe(sha256(readFileSync(join(out, path))));
    expect(ask(`ASK { ?d dcat:downloadURL ?u FILTER(STRENDS(STR(?u), "dataset.ttl")) }`)).toBe(false);
  });

  it('gives VoID figures equal to SPARQL counts over the N-Triples dump', () => {
    expect(figure('triples')).toBe(data.count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'));
    expect(figure('distinctSubjects')).toBe(data.count('SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }'));
    expect(figure('distinctObjects')).toBe(data.count('SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }'));
    expect(figure('properties')).toBe(data.count('SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }'));
    expect(figure('classes')).toBe(data.count('SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }'));
    expect(figure('entities')).toBe(
      data.count(`SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), "${BASE}id/")) }`),
    );
    expect(figure('triples')).toBeGreaterThan(10000);
  });

  it('gives one class partition per class and one property partition per property, with their counts', () => {
    const byKey = (rs: Record<string, string>[], k: string) => Object.fromEntries(rs.map((r) => [r[k], Number(r.n)]));
    const classes = rows(`SELECT ?c ?n WHERE { <${DATASET}> void:classPartition [ void:class ?c ; void:entities ?n ] }`);
    const properties = rows(`SELECT ?p ?n WHERE { <${DATASET}> void:propertyPartition [ void:property ?p ; void:triples ?n ] }`);
    expect(byKey(classes, 'c')).toEqual(byKey(data.select('SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c'), 'c'));
    expect(byKey(properties, 'p')).toEqual(byKey(data.select('SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p'), 'p'));
    expect(classes.length).toBe(figure('classes'));
  });

  it('gives one linkset per external target, with as many links as the dump holds', () => {
    const linksets = rows(`SELECT ?l ?p ?space ?n WHERE {
      ?l a void:Linkset ; void:subjectsTarget <${DATASET}> ; void:linkPredicate ?p ; void:triples ?n ;
         void:objectsTarget [ void:uriSpace ?space ] }`);
    expect(linksets.map((l) => l.l.slice(`${DATASET}/linkset/`.length)).sort()).toEqual(['eu-country', 'eu-language', 'geonames', 'm49', 'wikidata']);
    for (const l of linksets) {
      const n = data.count(`SELECT (COUNT(*) AS ?n) WHERE { ?s <${l.p}> ?o FILTER(isIRI(?o) && STRSTARTS(STR(?o), "${l.space}")) }`);
      expect(Number(l.n), l.l).toBe(n);
      expect(n, l.l).toBeGreaterThan(0);
    }
  });

  it('takes its version and dates from sources/release.yaml, and no time from the clock', () => {
    expect(rows(`SELECT ?v ?d WHERE { <${DATASET}> dcat:version ?v ; dct:issued ?d }`)).toEqual([{ v: release.version, d: release.issued }]);
    expect(ask('ASK { ?s ?p ?o FILTER(datatype(?o) = xsd:dateTime || datatype(?o) = xsd:time) }')).toBe(false);
    expect(ask(`ASK { ?b a prov:Activity FILTER(STRENDS(STR(?b), "/build/${release.version}")) }`)).toBe(true);
  });

  it('licenses the data under CC BY 4.0 crediting IOM, and says the country table is ODC-PDDL', () => {
    expect(ask(`ASK { <${DATASET}> dct:license <https://creativecommons.org/licenses/by/4.0/> ; dct:rights ?r .
      ?r rdfs:label ?fr , ?en FILTER(LANG(?fr) = "fr" && CONTAINS(?fr, "OIM") && LANG(?en) = "en" && CONTAINS(?en, "IOM")) }`)).toBe(true);
    expect(ask(`ASK { <${DATASET}> dct:source ?u . ?u a dcat:Dataset ; dct:license <https://opendatacommons.org/licenses/pddl/> }`)).toBe(true);
  });

  it('names example resources that the data describes', () => {
    const examples = rows(`SELECT ?e WHERE { <${DATASET}> void:exampleResource ?e }`).map((r) => r.e);
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) expect(data.ask(`ASK { <${e}> ?p ?o }`), e).toBe(true);
  });
});

describe('the build as a prov:Activity', () => {
  it('used every file it read, each with its real size and SHA-256', () => {
    const used = rows(`SELECT ?path ?size ?sum WHERE { ?b a prov:Activity ; prov:used ?f .
      ?f dct:identifier ?path ; dcat:byteSize ?size ; spdx:checksum/spdx:checksumValue ?sum }`);
    const paths = used.map((u) => u.path);
    const mechanisms = readdirSync(join(ROOT, 'sources', 'mechanisms')).map((f) => `sources/mechanisms/${f}`);
    expect(paths).toEqual(expect.arrayContaining([...mechanisms, 'sources/release.yaml', 'sources/reference/countries.csv', 'ontology/iscm.ttl']));
    for (const u of used) {
      const bytes = readFileSync(join(ROOT, u.path));
      expect(Number(u.size), u.path).toBe(bytes.length);
      expect(u.sum, u.path).toBe(sha256(bytes));
    }
  });

  it('used the pipeline at its version, and generated every distribution and dataset', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(rows('SELECT ?v WHERE { ?b a prov:Activity ; prov:used [ a schema:SoftwareSourceCode ; schema:version ?v ] }')).toEqual([{ v: version }]);
    expect(ask('ASK { ?d a dcat:Distribution FILTER NOT EXISTS { ?d prov:wasGeneratedBy [ a prov:Activity ] } }')).toBe(false);
    expect(ask('ASK { ?d dcat:distribution ?x FILTER NOT EXISTS { ?d prov:wasGeneratedBy [ a prov:Activity ] } }')).toBe(false);
  });
});

describe('the other dumps', () => {
  it('N-Quads: the same triples, one named graph per record', () => {
    const store = new oxigraph.Store();
    store.load(readFileSync(join(out, 'iscm.nq'), 'utf8'), { format: 'application/n-quads' });
    const triples = new Set([...store.match()].map((q) => `${q.subject.toString()} ${q.predicate.toString()} ${q.object.toString()}`));
    expect(triples.size).toBe(figure('triples'));
    const graphs = (store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }') as Map<string, oxigraph.Term>[]).map((r) => r.get('g')!.value).sort();
    const records = readdirSync(join(ROOT, 'sources', 'mechanisms')).map((f) => `${BASE}id/graph/process/${f.replace(/\.yaml$/, '')}`);
    expect(graphs).toEqual([...records, ...['agents', 'm49', 'vocabularies'].map((k) => `${BASE}id/graph/${k}`)].sort());

    // A store replaces one record by dropping its graph: nothing of it is left elsewhere.
    const berne = `${BASE}id/graph/process/berne-initiative`;
    const before = store.size;
    const own = (store.query(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${berne}> { ?s ?p ?o } }`) as Map<string, oxigraph.Term>[])[0].get('n')!.value;
    store.update(`DROP GRAPH <${berne}>`);
    expect(store.size).toBe(before - Number(own));
    expect(store.query(`ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?s), "${BASE}id/process/berne-initiative")) }`)).toBe(false);
  });

  it('gzip copies: no time stamp, no file name, a pinned OS byte, and the dump inside', () => {
    const zipped = files.filter((f) => f.endsWith('.gz'));
    expect(zipped.sort()).toEqual(['iscm.jsonld.gz', 'iscm.nq.gz', 'iscm.nt.gz', 'iscm.rdf.gz', 'iscm.ttl.gz']);
    for (const f of zipped) {
      const bytes = readFileSync(join(out, f));
      expect([...bytes.subarray(0, 4)], f).toEqual([0x1f, 0x8b, 8, 0]); // magic, deflate, no flags (no name, no comment)
      expect(bytes.readUInt32LE(4), f).toBe(0); // mtime
      expect(bytes[9], f).toBe(255); // OS: unknown
      expect(gunzipSync(bytes).equals(readFileSync(join(out, f.replace(/\.gz$/, '')))), f).toBe(true);
    }
  });
});
