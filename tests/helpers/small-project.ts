// The smallest project that builds end to end: the real reference data and ontology, and one
// mechanism record, tests/fixtures/valid/minimal.yaml, standing as the Berne Initiative (which
// sources/release.yaml names as an example resource). Its English name is `name`, so that two
// projects differing only in `name` build into two outputs that differ in every dump.

import { readFileSync } from 'node:fs';
import { makeProject } from './project.ts';

const MINIMAL = readFileSync(new URL('../fixtures/valid/minimal.yaml', import.meta.url), 'utf8');

export function smallProject(name = 'Minimal Test Dialogue', extra: Record<string, string> = {}): string {
  const record = MINIMAL.replace(/^id: minimal$/m, 'id: berne-initiative').replace('en: Minimal Test Dialogue', `en: ${name}`);
  return makeProject({ remove: ['sources/mechanisms'], files: { 'sources/mechanisms/berne-initiative.yaml': record, ...extra } });
}
