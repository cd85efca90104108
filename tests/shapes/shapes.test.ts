// Manifest-driven tests of ontology/shapes.ttl: every node shape has a conforming fixture and
// at least one non-conforming one, and each non-conforming fixture yields exactly the results
// tests/shapes/manifest.json lists (constraint component, path, focus node, source shape; never
// the message wording).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import n3 from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadShapes, validate, type ShaclResult } from '../../pipeline/check/shacl.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const fixtures = join(here, 'fixtures');

interface Expected {
  focus: string;
  path?: string;
  constraint: string;
  shape: string;
}
interface Case {
  file: string;
  conforms?: true;
  fault?: string;
  violations?: Expected[];
}
interface Manifest {
  base: string;
  prefixes: Record<string, string>;
  shapes: Record<string, { dir: string; cases: Case[] }>;
}

const manifest: Manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const { namedNode } = n3.DataFactory;

function expand(curie: string): string {
  const i = curie.indexOf(':');
  const ns = i > 0 ? manifest.prefixes[curie.slice(0, i)] : undefined;
  return ns ? ns + curie.slice(i + 1) : curie;
}

/** A manifest path: one compact IRI, or a sequence `a:b/c:d` written as pipeline/check/shacl.ts renders it. */
function expandPath(path: string): string {
  const steps = path.split('/').filter((s) => /^[a-z]+:[^/]*$/.test(s));
  return steps.length > 1 && steps.join('/') === path ? steps.map((s) => `<${expand(s)}>`).join('/') : expand(path);
}

function parseInto(store: n3.Store, file: string): void {
  store.addQuads(new n3.Parser({ format: 'text/turtle', baseIRI: `file://${file}` }).parse(readFileSync(file, 'utf8')));
}

function caseGraph(dir: string, file: string): n3.Store {
  const store = new n3.Store();
  parseInto(store, join(here, manifest.base));
  parseInto(store, join(fixtures, dir, file));
  return store;
}

const key = (r: { focus: string; path?: string; constraint: string; shape?: string }) =>
  `${r.focus} | ${r.path ?? '-'} | ${r.constraint} | ${r.shape ?? '-'}`;

function actualKeys(results: ShaclResult[]): string[] {
  const keys = results.map((r) =>
    key({ focus: r.focusNode.startsWith('_:') ? '_:' : r.focusNode, path: r.path, constraint: r.constraint, shape: r.shape }),
  );
  return [...new Set(keys)].sort();
}

function expectedKeys(violations: Expected[]): string[] {
  const keys = violations.map((v) =>
    key({
      focus: v.focus === '_:' ? '_:' : expand(v.focus),
      path: v.path === undefined ? undefined : expandPath(v.path),
      constraint: expand(v.constraint),
      shape: expand(v.shape),
    }),
  );
  return [...new Set(keys)].sort();
}

let shapes: n3.Store;
beforeAll(() => {
  shapes = loadShapes();
});

/** Node shapes with a target: the shapes the manifest must cover. */
function targetedNodeShapes(store: n3.Store): string[] {
  return [...new Set(store.getSubjects(namedNode(`${SH}targetClass`), null, null).map((t) => t.value))].sort();
}

describe('manifest', () => {
  it('covers every targeted node shape, each with a valid case and at least one invalid case', () => {
    const inShapes = targetedNodeShapes(loadShapes());
    const inManifest = Object.keys(manifest.shapes).map(expand).sort();
    expect(inManifest).toEqual(inShapes);
    for (const [shape, { cases }] of Object.entries(manifest.shapes)) {
      expect(cases.filter((c) => c.file === 'valid.ttl' && c.conforms), `${shape} valid.ttl`).toHaveLength(1);
      const invalid = cases.filter((c) => c.file.startsWith('invalid-'));
      expect(invalid.length, `${shape} invalid cases`).toBeGreaterThan(0);
      for (const c of invalid) expect(c.violations?.length, `${shape} ${c.file}`).toBeGreaterThan(0);
    }
  });

  it('lists every fixture file, and every listed file exists', () => {
    const onDisk = readdirSync(fixtures, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(fixtures, d.name)).map((f) => `${d.name}/${f}`))
      .sort();
    const listed = Object.values(manifest.shapes)
      .flatMap(({ dir, cases }) => cases.map((c) => `${dir}/${c.file}`))
      .sort();
    expect(listed).toEqual(onDisk);
    for (const f of onDisk) expect(f).toMatch(/\/(valid|invalid-[a-z0-9-]+)\.ttl$/);
  });

  it('has a base graph that conforms on its own', async () => {
    const store = new n3.Store();
    parseInto(store, join(here, manifest.base));
    expect(await validate(store, shapes)).toEqual([]);
  });
});

for (const [shapeCurie, { dir, cases }] of Object.entries(manifest.shapes)) {
  describe(shapeCurie, () => {
    for (const c of cases) {
      it(c.conforms ? `${c.file} conforms` : `${c.file}: ${c.fault ?? ''}`, async () => {
        const results = await validate(caseGraph(dir, c.file), shapes);
        if (c.conforms) {
          expect(results).toEqual([]);
          return;
        }
        expect(actualKeys(results)).toEqual(expectedKeys(c.violations ?? []));
        // The fault is caught by the shape under test (the node shape or one of its property
        // shapes), not only by some other shape that happens to see it too.
        const shape = expand(shapeCurie);
        const own = new Set([
          shape,
          ...shapes.getObjects(namedNode(shape), namedNode(`${SH}property`), null).map((t) => t.value),
        ]);
        expect(results.some((r) => r.shape !== undefined && own.has(r.shape))).toBe(true);
      });
    }
  });
}

describe('shapes.ttl hygiene', () => {
  it('gives every targeted shape and each of its property shapes an IRI, an sh:message and sh:severity sh:Violation', () => {
    const store = loadShapes();
    for (const s of targetedNodeShapes(store)) {
      const props = store.getObjects(namedNode(s), namedNode(`${SH}property`), null);
      for (const t of [namedNode(s), ...props]) {
        expect(t.termType, `${s} -> ${t.value}`).toBe('NamedNode');
        expect(store.getObjects(t, namedNode(`${SH}message`), null).length, `${t.value} sh:message`).toBeGreaterThan(0);
        expect(store.getObjects(t, namedNode(`${SH}severity`), null).map((o) => o.value), `${t.value} sh:severity`).toEqual([
          `${SH}Violation`,
        ]);
      }
    }
  });
});

// --- the vocabulary ---------------------------------------------------------------------------

const ISCM = 'https://w3id.org/iscm/def/iscm#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCT = 'http://purl.org/dc/terms/';

function parseFile(file: string): n3.Store {
  const store = new n3.Store();
  parseInto(store, file);
  return store;
}

function iscmTermsIn(store: n3.Store): Set<string> {
  const terms = new Set<string>();
  for (const q of store) {
    for (const t of [q.subject, q.predicate, q.object]) {
      if (t.termType === 'NamedNode' && t.value.startsWith(ISCM)) terms.add(t.value);
    }
  }
  return terms;
}

describe('ontology/iscm.ttl', () => {
  const onto = parseFile(join(root, 'ontology', 'iscm.ttl'));
  const declared = new Set(
    [`${OWL}Class`, `${OWL}ObjectProperty`, `${OWL}DatatypeProperty`, `${OWL}AnnotationProperty`].flatMap((c) =>
      onto.getSubjects(namedNode(RDF_TYPE), namedNode(c), null).map((t) => t.value),
    ),
  );

  it('has the ontology header', () => {
    const o = namedNode('https://w3id.org/iscm/def/iscm');
    const one = (p: string) => onto.getObjects(o, namedNode(p), null).map((t) => t.value);
    expect(onto.has(n3.DataFactory.quad(o, namedNode(RDF_TYPE), namedNode(`${OWL}Ontology`)))).toBe(true);
    expect(one(`${OWL}versionIRI`)).toEqual(['https://w3id.org/iscm/def/iscm/0.1.0']);
    expect(one(`${OWL}versionInfo`)).toEqual(['0.1.0']);
    expect(one(`${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    for (const p of [`${DCT}title`, `${DCT}description`]) {
      const langs = onto.getObjects(o, namedNode(p), null).map((t) => (t.termType === 'Literal' ? t.language : ''));
      expect(langs.sort(), p).toEqual(['en', 'fr']);
    }
  });

  it('uses only the agreed vocabularies', () => {
    const allowed = [
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      RDFS,
      OWL,
      'http://www.w3.org/2001/XMLSchema#',
      'http://www.w3.org/ns/org#',
      SKOS,
      DCT,
      'http://schema.org/',
      'http://www.w3.org/ns/prov#',
      'http://www.w3.org/ns/dcat#',
      'http://rdfs.org/ns/void#',
      'http://xmlns.com/foaf/0.1/',
      'http://www.w3.org/2006/time#',
      ISCM,
    ];
    const ownIris = ['https://w3id.org/iscm/def/iscm', 'https://w3id.org/iscm/def/iscm/0.1.0', 'https://creativecommons.org/licenses/by/4.0/'];
    for (const q of onto) {
      for (const t of [q.subject, q.predicate, q.object]) {
        if (t.termType !== 'NamedNode' || ownIris.includes(t.value)) continue;
        expect(allowed.some((ns) => t.value.startsWith(ns)), t.value).toBe(true);
      }
    }
  });

  it('gives every declared term exactly one rdfs:label and one skos:definition in fr and in en', () => {
    expect(declared.size).toBeGreaterThan(0);
    for (const term of declared) {
      expect(term.startsWith(ISCM), term).toBe(true);
      for (const p of [`${RDFS}label`, `${SKOS}definition`]) {
        const langs = onto
          .getObjects(namedNode(term), namedNode(p), null)
          .map((t) => (t.termType === 'Literal' ? t.language : `not a literal: ${t.value}`));
        expect(langs.sort(), `${term} ${p}`).toEqual(['en', 'fr']);
      }
    }
  });

  it('declares every iscm: term used in shapes.ttl and in the fixtures', () => {
    const used = iscmTermsIn(loadShapes());
    for (const d of readdirSync(fixtures, { withFileTypes: true })) {
      const files = d.isDirectory() ? readdirSync(join(fixtures, d.name)).map((f) => join(fixtures, d.name, f)) : [join(fixtures, d.name)];
      for (const f of files) for (const t of iscmTermsIn(parseFile(f))) used.add(t);
    }
    expect([...used].filter((t) => !declared.has(t)).sort()).toEqual([]);
  });

  it('declares every iscm: term docs/data-model.md names', () => {
    const doc = readFileSync(join(root, 'docs', 'data-model.md'), 'utf8');
    const named = new Set([...doc.matchAll(/\biscm:([A-Za-z][A-Za-z0-9]*)/g)].map((m) => ISCM + m[1]));
    expect([...named].filter((t) => !declared.has(t)).sort()).toEqual([]);
  });
});
