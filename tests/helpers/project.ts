// Temporary copies of the project, so that a test can add, replace or remove source files
// without touching the real tree, and a runner of the four pure stages in order.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../pipeline/diagnostics.ts';
import { makeIris } from '../../pipeline/iri.ts';
import { load } from '../../pipeline/load/index.ts';
import type { RecordGraph } from '../../pipeline/map/graph.ts';
import { map } from '../../pipeline/map/index.ts';
import { reconcile, type Reconciled } from '../../pipeline/reconcile/index.ts';
import { validate } from '../../pipeline/validate/index.ts';

/** The project root (the folder holding sources/ and ontology/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ProjectOptions {
  /** Files to write, by path relative to the project root; they replace copied files of the same path. */
  files?: Record<string, string | Buffer>;
  /** Paths (files or folders) relative to the project root to delete after copying, before writing `files`. */
  remove?: string[];
}

const created: string[] = [];

/** Copies sources/ and ontology/ into a fresh temporary folder, applies the changes and returns its root. */
export function makeProject(options: ProjectOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'iscm-project-'));
  created.push(root);
  for (const dir of ['sources', 'ontology']) cpSync(join(PROJECT_ROOT, dir), join(root, dir), { recursive: true });
  for (const path of options.remove ?? []) rmSync(join(root, path), { recursive: true, force: true });
  for (const [path, content] of Object.entries(options.files ?? {})) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

/** Deletes every folder that makeProject created in this test file. */
export function removeProjects(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export type Stage = 'load' | 'validate' | 'reconcile' | 'map';

export interface StagesResult {
  /** The first stage that reported diagnostics, or 'done' when all four were silent. */
  stage: Stage | 'done';
  diagnostics: Diagnostic[];
  reconciled?: Reconciled;
  graphs?: RecordGraph[];
}

/** Runs load → validate → reconcile → map, stopping at the first stage that reports anything. */
export function runStages(root: string): StagesResult {
  const loaded = load(root);
  if (loaded.diagnostics.length || !loaded.project) return { stage: 'load', diagnostics: loaded.diagnostics };
  const valid = validate(loaded.project);
  if (valid.diagnostics.length || !valid.project) return { stage: 'validate', diagnostics: valid.diagnostics };
  const rec = reconcile(valid.project);
  if (rec.diagnostics.length || !rec.reconciled) return { stage: 'reconcile', diagnostics: rec.diagnostics };
  const mapped = map(rec.reconciled, makeIris());
  if (mapped.diagnostics.length) return { stage: 'map', diagnostics: mapped.diagnostics, reconciled: rec.reconciled };
  return { stage: 'done', diagnostics: [], reconciled: rec.reconciled, graphs: mapped.graphs };
}
