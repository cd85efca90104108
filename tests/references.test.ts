// Ids are unique for every kind of record, across files; every reference names a record that
// exists; two entries that would become one membership do not lose what the second says. Each
// case adds or changes source files in memory (tests/helpers/records.ts) over the real reference
// data, with tests/fixtures/valid/maximal.yaml as the mechanism record. Codes and locations are
// asserted, never wording.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../pipeline/diagnostics.ts';
import type { LoadedProject } from '../pipeline/load/index.ts';
import { locate, parseYaml } from '../pipeline/load/yaml.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages } from './helpers/project.ts';
import { projectWithoutMechanisms, runFiles, type RecordStage } from './helpers/records.ts';

const MAXIMAL = readFileSync(new URL('./fixtures/valid/maximal.yaml', import.meta.url), 'utf8');
const FILE = 'sources/mechanisms/maximal.yaml';

type Path = (string | number)[];
const where = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, column: d.column });

function withValue(path: Path, value: unknown, text = MAXIMAL): string {
  const doc = parseDocument(text);
  doc.setIn(path, value);
  return doc.toString();
}
const at = (file: string, text: string, path: Path) => locate(parseYaml(file, text).source!, path);

let base: LoadedProject;
beforeAll(() => {
  base = projectWithoutMechanisms();
});
afterAll(removeProjects);

async function expectReported(files: Record<string, string>, stage: RecordStage, expected: ReturnType<typeof where>) {
  const run = await runFiles(base, files);
  expect(run.stage).toBe(stage);
  expect(run.diagnostics.map(where)).toContainEqual(expected);
}

describe('duplicate ids', () => {
  it('a mechanism id used by two files (x.yaml and x.yml) is duplicate-id at the second', async () => {
    const second = 'sources/mechanisms/maximal.yml';
    await expectReported({ [FILE]: MAXIMAL, [second]: MAXIMAL }, 'validate', { code: 'duplicate-id', ...at(second, MAXIMAL, ['id']) });
  });

  it('and the loader reads both files, whatever the case of their extension', () => {
    const result = runStages(makeProject({ files: { 'sources/mechanisms/berne-initiative.YML': readFileSync(join(PROJECT_ROOT, 'sources/mechanisms/berne-initiative.yaml')) } }));
    // The file name is not the id, and the id is used twice: both faults are reported.
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(
      expect.arrayContaining(['duplicate-id sources/mechanisms/berne-initiative.yaml', 'id-mismatch sources/mechanisms/berne-initiative.YML']),
    );
  });

  it.each([
    ['organisation', 'sources/reference/organizations/zz-test.yaml', '- id: unhcr\n  names:\n    en: Another Office\n'],
    ['place', 'sources/reference/places/zz-test.yaml', '- id: berne\n  names:\n    en: Bern again\n  country: CHE\n'],
    ['concept of a scheme split over files', 'sources/vocabularies/theme.zz-test.yaml', 'concepts:\n  - id: integration\n    labels:\n      en: integration again\n'],
  ])('an id of another file is duplicate-id at the second: %s', async (_kind, file, text) => {
    const id = text.startsWith('concepts') ? ['concepts', 0, 'id'] : [0, 'id'];
    await expectReported({ [file]: text }, 'validate', { code: 'duplicate-id', ...at(file, text, id) });
  });

  it('a scheme described by two files is duplicate-scheme at the second', async () => {
    const file = 'sources/vocabularies/theme.zz-test.yaml';
    const text = 'scheme:\n  labels:\n    en: Themes again\nconcepts: []\n';
    await expectReported({ [file]: text }, 'validate', { code: 'duplicate-scheme', ...at(file, text, ['scheme']) });
  });

  it('a name given two different aliases in two files is conflicting-alias', async () => {
    const alias = (target: string) => `- name: Helvetia\n  lang: fr\n  kind: state\n  target: ${target}\n  reason: a test alias\n`;
    const second = 'sources/reference/aliases/zz-b.yaml';
    await expectReported(
      { 'sources/reference/aliases/zz-a.yaml': alias('CHE'), [second]: alias('FRA') },
      'reconcile',
      { code: 'conflicting-alias', file: second, line: 1, column: 3 },
    );
  });

  it.each([
    ['meeting', ['meetings', 1], { id: '2004-12-16-berne', lang: 'fr', source: ['main'] }],
    ['document', ['documents', 1], { id: 'maximal-agenda', title: 'Again', lang: 'en', language: 'en', source: ['main'] }],
    ['source', ['sources', 2], { id: 'main', url: 'https://example.org/again' }],
  ] as const)('a %s id used twice in a record is duplicate-id at the second', async (_kind, path, value) => {
    const text = withValue(path as unknown as Path, value);
    await expectReported({ [FILE]: text }, 'validate', { code: 'duplicate-id', ...at(FILE, text, [...path, 'id']) });
  });
});

describe('references to records that do not exist', () => {
  it.each([
    ['related mechanism', ['related', 0, 'mechanism'], 'nowhere', 'missing-reference', 'validate'],
    ['outcome document', ['outcomes', 0, 'document'], 'nowhere', 'missing-reference', 'validate'],
    ['page version', ['objectives', 0, 'source', 1], 'B', 'unknown-source', 'validate'],
    ['mechanism type', ['type', 0, 'concept'], 'nowhere', 'unknown-concept', 'validate'],
    ['theme', ['themes', 0, 'items', 0, 'concept'], 'nowhere', 'unknown-concept', 'validate'],
    ['meeting type', ['meetings', 0, 'type'], 'nowhere', 'unknown-concept', 'validate'],
    ['meeting place', ['meetings', 0, 'place'], 'Atlantis', 'unresolved-name', 'reconcile'],
    ['meeting country', ['meetings', 0, 'country'], 'Atlantide', 'unresolved-name', 'reconcile'],
    ['organisation', ['formal_association', 0, 'organizations', 0], 'Atlantis Office', 'unresolved-name', 'reconcile'],
    ['state that launched it', ['launched_by', 0, 'name'], 'Atlantide', 'unresolved-name', 'reconcile'],
    ['member', ['participants', 0, 'listed', 0], 'Atlantide', 'unresolved-name', 'reconcile'],
  ] as const)('a %s that does not exist is %s', async (_what, path, value, code, stage) => {
    const text = withValue(path as unknown as Path, value);
    await expectReported({ [FILE]: text }, stage, { code, ...at(FILE, text, path as unknown as Path) });
  });

  it.each([
    ['unit_of of an organisation', 'sources/reference/organizations/zz-test.yaml', '- id: zz-unit\n  names:\n    en: A Unit\n  unit_of: nowhere\n', [0, 'unit_of'], 'validate'],
    ['country of a place', 'sources/reference/places/zz-test.yaml', '- id: zz-place\n  names:\n    en: A Place\n  country: XXX\n', [0, 'country'], 'validate'],
    ['state an alias names', 'sources/reference/aliases/zz-test.yaml', '- name: Atlantide\n  lang: fr\n  kind: state\n  target: ATL\n  reason: test\n', [0, 'target'], 'reconcile'],
    ['organisation an alias names', 'sources/reference/aliases/zz-test.yaml', '- name: Atlantis Office\n  lang: en\n  kind: organization\n  target: nowhere\n  reason: test\n', [0, 'target'], 'reconcile'],
    ['place an alias names', 'sources/reference/aliases/zz-test.yaml', '- name: Atlantis\n  lang: en\n  kind: place\n  target: nowhere\n  reason: test\n', [0, 'target'], 'reconcile'],
  ] as const)('the %s is missing-reference', async (_what, file, text, path, stage) => {
    await expectReported({ [file]: text }, stage, { code: 'missing-reference', ...at(file, text, path as unknown as Path) });
  });

  it('a role the role scheme lacks is missing-concept', async () => {
    const file = 'sources/vocabularies/role.yaml';
    const role = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    const withoutChair = role.replace(/ {2}- id: chair\n(?: {4}.*\n)+/, '');
    expect(withoutChair).not.toBe(role);
    await expectReported({ [file]: withoutChair }, 'validate', { code: 'missing-concept', file, line: 1, column: 1 });
  });
});

describe('entries that become one membership', () => {
  // "Chili" and "Chile" are two printed names of one state (CHL): in one list, from the same
  // start, they are one membership that keeps both names.
  const entries = (second: Record<string, string>) =>
    withValue(['participants', 0, 'listed'], ['Suisse', { name: 'Chili', start: '2001', end: '2004', status: 'past' }, { name: 'Chile', start: '2001', ...second }]);

  it('keep both printed names when the second adds nothing else', async () => {
    const run = await runFiles(base, { [FILE]: entries({ note: 'printed in English too' }) });
    expect(run.diagnostics).toEqual([]);
    const names = run.triples!.filter((q) => q.predicate.value.endsWith('#nameAsPrinted') && q.subject.value.includes('/state/CHL')).map((q) => q.object.value);
    expect(names.sort()).toEqual(['Chile', 'Chili']);
  });

  it.each([
    ['end', '2005'],
    ['status', 'current'],
    ['role_as_printed', 'founder'],
    ['period_as_printed', 'since 2001'],
  ])('are conflicting-entries when the second gives another %s, which would be lost', async (field, value) => {
    const text = entries({ [field]: value });
    await expectReported({ [FILE]: text }, 'reconcile', { code: 'conflicting-entries', ...at(FILE, text, ['participants', 0, 'listed', 2, field]) });
  });
});
