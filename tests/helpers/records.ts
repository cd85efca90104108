// Runs source files given as text or bytes through the stages without touching the file system
// again: the rest of the project (reference data, vocabularies, ontology) is loaded once from a
// temporary copy, and the files given replace or join its sources in memory. Fast enough for
// sweeps over every key of a record and for property-based tests.

import type { Quad } from 'n3';
import { check, parseShapes } from '../../pipeline/check/index.ts';
import type { Diagnostic } from '../../pipeline/diagnostics.ts';
import { makeIris } from '../../pipeline/iri.ts';
import type { LoadedProject } from '../../pipeline/load/index.ts';
import { load } from '../../pipeline/load/index.ts';
import { decodeSource } from '../../pipeline/load/text.ts';
import { parseYaml, type YamlSource } from '../../pipeline/load/yaml.ts';
import type { RecordGraph } from '../../pipeline/map/graph.ts';
import { map } from '../../pipeline/map/index.ts';
import { reconcile } from '../../pipeline/reconcile/index.ts';
import { canonicalTriples } from '../../pipeline/serialize/order.ts';
import { validate } from '../../pipeline/validate/index.ts';
import { makeProject } from './project.ts';

export type RecordStage = 'load' | 'validate' | 'reconcile' | 'map' | 'check' | 'done';

export interface RecordRun {
  /** The first stage that reported diagnostics, or 'done'. */
  stage: RecordStage;
  diagnostics: Diagnostic[];
  graphs?: RecordGraph[];
  /** The whole graph in canonical order, when map succeeded. */
  triples?: Quad[];
}

/** The project without its mechanism records, loaded once from a temporary copy. */
export function projectWithoutMechanisms(): LoadedProject {
  const loaded = load(makeProject({ remove: ['sources/mechanisms'] }));
  if (!loaded.project || loaded.diagnostics.length) throw new Error(`the base project does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.project;
}

/** Decodes and parses one source file the way load does. */
export function parseSourceText(file: string, content: string | Uint8Array): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const decoded = decodeSource(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  return parseYaml(file, decoded.text);
}

type YamlGroup = 'mechanisms' | 'organizations' | 'places' | 'aliases' | 'vocabularies';

const GROUP_OF: [string, YamlGroup][] = [
  ['sources/mechanisms/', 'mechanisms'],
  ['sources/reference/organizations/', 'organizations'],
  ['sources/reference/places/', 'places'],
  ['sources/reference/aliases/', 'aliases'],
  ['sources/vocabularies/', 'vocabularies'],
];

const shapesOf = new WeakMap<LoadedProject, ReturnType<typeof parseShapes>>();

/**
 * Runs `base` with `files` (YAML sources by path, which replace a file of the same path or are
 * added) through load → validate → reconcile → map, then SHACL when `withShapes` is set,
 * stopping at the first stage that reports anything.
 */
export async function runFiles(
  base: LoadedProject,
  files: Record<string, string | Uint8Array>,
  withShapes = false,
): Promise<RecordRun> {
  const project: LoadedProject = { ...base };
  const diagnostics: Diagnostic[] = [];
  for (const [file, content] of Object.entries(files)) {
    const group = GROUP_OF.find(([prefix]) => file.startsWith(prefix))?.[1];
    if (!group) throw new Error(`runFiles takes YAML sources only, not ${file}`);
    const parsed = parseSourceText(file, content);
    diagnostics.push(...parsed.diagnostics);
    const others = project[group].filter((s) => s.file !== file);
    project[group] = parsed.source ? [...others, parsed.source].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) : others;
  }
  if (diagnostics.length) return { stage: 'load', diagnostics };
  const valid = validate(project);
  if (valid.diagnostics.length || !valid.project) return { stage: 'validate', diagnostics: valid.diagnostics };
  const rec = reconcile(valid.project);
  if (rec.diagnostics.length || !rec.reconciled) return { stage: 'reconcile', diagnostics: rec.diagnostics };
  const mapped = map(rec.reconciled, makeIris());
  if (mapped.diagnostics.length) return { stage: 'map', diagnostics: mapped.diagnostics, graphs: mapped.graphs };
  const triples = canonicalTriples(mapped.graphs.flatMap((g) => g.quads));
  if (withShapes) {
    if (!shapesOf.has(base)) shapesOf.set(base, parseShapes(base.ontology.shapes));
    const violations = await check(triples, mapped.graphs, shapesOf.get(base)!);
    if (violations.length) return { stage: 'check', diagnostics: violations, graphs: mapped.graphs, triples };
  }
  return { stage: 'done', diagnostics: [], graphs: mapped.graphs, triples };
}
