// SHACL validation of the built graph against ontology/shapes.ttl.
//
// The engine was chosen by measurement (bench/shacl-engines.ts, docs/shacl-engine.md):
// shacl-engine on an n3.Store. rdf-validate-shacl stays available through `validateWith` so
// that the benchmark and the agreement check can run both on the same input.
//
// Both engines' reports are read back from their RDF form (sh:ValidationReport), not from
// engine-specific objects, so that the two give comparable `ShaclResult`s.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type * as RDF from '@rdfjs/types';
import n3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
// @ts-expect-error shacl-engine ships no type declarations; its API is typed below.
import { Validator as ShaclEngineValidator } from 'shacl-engine';

export interface ShaclResult {
  /** IRI of the focus node (`_:label` for a blank node). */
  focusNode: string;
  /** The predicate IRI for a simple path; a SPARQL property path (`<a>/<b>`, `^<a>`) otherwise. */
  path?: string;
  /** An IRI, or a literal in N-Triples form (`"x"@fr`, `"1"^^<…#integer>`). */
  value?: string;
  /** IRI of the shape that reported the result; absent when that shape is a blank node. */
  shape?: string;
  /** IRI of the SHACL constraint component, e.g. `http://www.w3.org/ns/shacl#MinCountConstraintComponent`. */
  constraint: string;
  severity: 'violation' | 'warning' | 'info';
  message: string;
}

export type ShaclEngineName = 'shacl-engine' | 'rdf-validate-shacl';

/** The engine `validate` uses; see docs/shacl-engine.md for the measurement behind it. */
export const ENGINE: ShaclEngineName = 'shacl-engine';

export const SHAPES_PATH = fileURLToPath(new URL('../../ontology/shapes.ttl', import.meta.url));

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANGSTRING = `${RDF_NS}langString`;
const { namedNode } = n3.DataFactory;

/** Validates `data` against `shapes` with the chosen engine; results sorted deterministically. */
export async function validate(data: n3.Store, shapes: n3.Store): Promise<ShaclResult[]> {
  return validateWith(ENGINE, data, shapes);
}

export async function validateWith(
  engine: ShaclEngineName,
  data: n3.Store,
  shapes: n3.Store,
): Promise<ShaclResult[]> {
  const report = engine === 'shacl-engine' ? await runShaclEngine(data, shapes) : await runRdfValidateShacl(data, shapes);
  return readReport(report, shapes);
}

/**
 * shacl-engine on any RDF/JS dataset, such as pipeline/check's view of one record and the nodes
 * around it; results sorted deterministically.
 */
export async function validateDataset(data: RDF.DatasetCore, shapes: n3.Store): Promise<ShaclResult[]> {
  return readReport(await runShaclEngine(data, shapes), shapes);
}

/** Parses Turtle into a new n3.Store. */
export function parseTurtle(text: string, baseIRI?: string): n3.Store {
  const store = new n3.Store();
  store.addQuads(new n3.Parser({ format: 'text/turtle', baseIRI }).parse(text));
  return store;
}

/** The project's shapes graph (ontology/shapes.ttl). */
export function loadShapes(path: string = SHAPES_PATH): n3.Store {
  return parseTurtle(readFileSync(path, 'utf8'), `file://${path}`);
}

// --- engines ---------------------------------------------------------------------------------

interface ShaclEngineReport {
  conforms: boolean;
  dataset: RDF.DatasetCore;
}
interface ShaclEngineInstance {
  validate(data: { dataset: RDF.DatasetCore }): Promise<ShaclEngineReport>;
}
type ShaclEngineConstructor = new (
  shapes: RDF.DatasetCore,
  options: { factory: unknown },
) => ShaclEngineInstance;

// shacl-engine builds its report with `factory.dataset()`: give it n3 terms and an n3.Store.
const n3Factory = { ...n3.DataFactory, dataset: (quads?: RDF.Quad[]) => new n3.Store(quads) };

// Compiling shapes costs more than validating a small graph; the compiled validator is reused
// as long as the same shapes store is passed (do not mutate it in between).
const compiled = new WeakMap<n3.Store, ShaclEngineInstance>();

async function runShaclEngine(data: RDF.DatasetCore, shapes: n3.Store): Promise<RDF.DatasetCore> {
  let validator = compiled.get(shapes);
  if (!validator) {
    validator = new (ShaclEngineValidator as ShaclEngineConstructor)(shapes, { factory: n3Factory });
    compiled.set(shapes, validator);
  }
  const report = await validator.validate({ dataset: data });
  return report.dataset;
}

async function runRdfValidateShacl(data: n3.Store, shapes: n3.Store): Promise<RDF.DatasetCore> {
  const validator = new SHACLValidator(shapes);
  const report = await validator.validate(data);
  return report.dataset;
}

// --- report ----------------------------------------------------------------------------------

function readReport(report: RDF.DatasetCore, shapes: n3.Store): ShaclResult[] {
  const one = (s: RDF.Term, p: string): RDF.Term | undefined => {
    for (const q of report.match(s, namedNode(p), null)) return q.object;
    return undefined;
  };
  const seen = new Set<string>();
  const results: ShaclResult[] = [];
  for (const q of report.match(null, namedNode(`${RDF_NS}type`), namedNode(`${SH}ValidationResult`))) {
    const r = q.subject;
    const focus = one(r, `${SH}focusNode`);
    const component = one(r, `${SH}sourceConstraintComponent`);
    if (!focus || !component) continue;
    const path = one(r, `${SH}resultPath`);
    const value = one(r, `${SH}value`);
    const shape = one(r, `${SH}sourceShape`);
    // The shape's own sh:message wins over whatever wording the engine adds, so that both
    // engines report the same text.
    const own = shape ? shapes.getObjects(shape, namedNode(`${SH}message`), null) : [];
    const messages = own.length > 0 ? own : [...report.match(r, namedNode(`${SH}resultMessage`), null)].map((m) => m.object);
    const message =
      (messages.find((m) => m.termType === 'Literal' && (m.language === 'en' || m.language === '')) ?? messages[0])
        ?.value ?? component.value.replace(SH, 'sh:');
    const result: ShaclResult = {
      focusNode: termString(focus),
      ...(path ? { path: pathString(report, path) } : {}),
      ...(value ? { value: termString(value) } : {}),
      ...(shape && shape.termType === 'NamedNode' ? { shape: shape.value } : {}),
      constraint: component.value,
      severity: severityOf(one(r, `${SH}resultSeverity`)),
      message,
    };
    const key = JSON.stringify(result);
    if (!seen.has(key)) {
      seen.add(key);
      results.push(result);
    }
  }
  return results.sort(compareResults);
}

function severityOf(t: RDF.Term | undefined): ShaclResult['severity'] {
  if (t?.value === `${SH}Warning`) return 'warning';
  if (t?.value === `${SH}Info`) return 'info';
  return 'violation';
}

function termString(t: RDF.Term): string {
  switch (t.termType) {
    case 'NamedNode':
      return t.value;
    case 'BlankNode':
      return `_:${t.value}`;
    case 'Literal': {
      const lexical = JSON.stringify(t.value);
      if (t.language) return `${lexical}@${t.language}`;
      if (t.datatype.value === XSD_STRING || t.datatype.value === RDF_LANGSTRING) return lexical;
      return `${lexical}^^<${t.datatype.value}>`;
    }
    default:
      return t.value;
  }
}

/** A SHACL path (RDF) as a SPARQL property path; a plain predicate stays a bare IRI. */
function pathString(g: RDF.DatasetCore, path: RDF.Term): string {
  if (path.termType === 'NamedNode') return path.value;
  const render = (p: RDF.Term, top = false): string => {
    if (p.termType === 'NamedNode') return `<${p.value}>`;
    const get = (pred: string) => {
      for (const q of g.match(p, namedNode(pred), null)) return q.object;
      return undefined;
    };
    const list = (head: RDF.Term): RDF.Term[] => {
      const items: RDF.Term[] = [];
      let node: RDF.Term | undefined = head;
      while (node && node.value !== `${RDF_NS}nil`) {
        const first: RDF.Term | undefined = [...g.match(node, namedNode(`${RDF_NS}first`), null)][0]?.object;
        if (!first) break;
        items.push(first);
        node = [...g.match(node, namedNode(`${RDF_NS}rest`), null)][0]?.object;
      }
      return items;
    };
    let x: RDF.Term | undefined;
    if ((x = get(`${SH}inversePath`))) return `^${render(x)}`;
    if ((x = get(`${SH}alternativePath`))) return `(${list(x).map((step) => render(step)).join('|')})`;
    if ((x = get(`${SH}zeroOrMorePath`))) return `${render(x)}*`;
    if ((x = get(`${SH}oneOrMorePath`))) return `${render(x)}+`;
    if ((x = get(`${SH}zeroOrOnePath`))) return `${render(x)}?`;
    if (get(`${RDF_NS}first`)) {
      const sequence = list(p)
        .map((step) => render(step))
        .join('/');
      return top ? sequence : `(${sequence})`;
    }
    return `_:${p.value}`;
  };
  return render(path, true);
}

function compareResults(a: ShaclResult, b: ShaclResult): number {
  const keys: (keyof ShaclResult)[] = ['focusNode', 'path', 'constraint', 'shape', 'value', 'severity', 'message'];
  for (const k of keys) {
    const x = a[k] ?? '';
    const y = b[k] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
