// Hostile source files as large as the loader accepts (tests/helpers/hostile.ts): each is refused
// with its code at a located place, and the whole run stays within a small heap. The cases run
// in a child process started with --max-old-space-size, so that a case that needed more memory
// would kill the run and fail this test. How long each case takes is measured by
// bench/hostile-input.ts, not here.

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TABLE_CELLS } from '../pipeline/load/delimited.ts';
import { MAX_SOURCE_BYTES } from '../pipeline/load/text.ts';
import { MAX_YAML_TOKENS } from '../pipeline/load/yaml.ts';
import { HOSTILE_CASES } from './helpers/hostile.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages } from './helpers/project.ts';

afterAll(removeProjects);

const HEAP_MB = 192;

interface Outcome {
  name: string;
  stage: string;
  count: number;
  first: { code: string; file?: string; line?: number; column?: number }[];
  unlocated: number;
}

let outcomes: Map<string, Outcome>;
beforeAll(() => {
  const stdout = execFileSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', join(PROJECT_ROOT, 'tests/helpers/hostile-run.ts')], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  outcomes = new Map(stdout.trim().split('\n').map((l) => JSON.parse(l) as Outcome).map((o) => [o.name, o]));
}, 300_000);

describe(`hostile sources, with a heap of ${HEAP_MB} MB`, () => {
  it('all ran, none crashed the process', () => {
    expect([...outcomes.keys()]).toEqual(HOSTILE_CASES.map((c) => c.name));
  });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s is refused with its code, every diagnostic located', (name, c) => {
    const o = outcomes.get(name)!;
    expect(o.stage).not.toBe('done');
    expect(o.first[0]).toMatchObject({ code: c.code, file: c.file });
    expect(o.unlocated).toBe(0);
  });

  it('a file over the token budget is refused at the first token beyond it, without reading further', () => {
    // One token per blank line: token MAX_YAML_TOKENS + 1 is on that line.
    expect(outcomes.get('four million blank lines')!.first[0]).toMatchObject({ code: 'too-complex', line: MAX_YAML_TOKENS + 1, column: 1 });
    // One cell per line: the newline that opens cell MAX_TABLE_CELLS + 1 ends line MAX_TABLE_CELLS.
    expect(outcomes.get('a country table of blank lines')!.first[0]).toMatchObject({ code: 'too-complex', line: MAX_TABLE_CELLS, column: 1 });
  });

  it('a file within the budget gets every one of its faults, not only the first', () => {
    for (const name of ['tens of thousands of entries of the wrong type, within the token budget', 'tens of thousands of unknown keys, within the token budget', 'tens of thousands of repeated keys, within the token budget'])
      expect(outcomes.get(name)!.count, name).toBeGreaterThan(10_000);
  });
});

describe('sources that are not regular files', () => {
  it('are unreadable-file or file-too-large, found without reading them', () => {
    const root = makeProject({ remove: ['sources/mechanisms'] });
    mkdirSync(join(root, 'sources/mechanisms'));
    const huge = join(root, 'huge.bin');
    writeFileSync(huge, Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x20));
    // A read of /dev/zero or of a pipe never ends: these must be refused from what stat says.
    rmSync(join(root, 'sources/reference/countries.csv'));
    symlinkSync('/dev/zero', join(root, 'sources/reference/countries.csv'));
    symlinkSync(join(root, 'nowhere.yaml'), join(root, 'sources/mechanisms/dangling.yaml'));
    execFileSync('mkfifo', [join(root, 'sources/mechanisms/pipe.yaml')]);
    symlinkSync(huge, join(root, 'sources/mechanisms/huge.yaml'));
    const result = runStages(root);
    expect(result.stage).toBe('load');
    expect(result.diagnostics.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual(
      expect.arrayContaining([
        { code: 'unreadable-file', file: 'sources/reference/countries.csv', line: 1, column: 1 },
        { code: 'unreadable-file', file: 'sources/mechanisms/dangling.yaml', line: 1, column: 1 },
        { code: 'unreadable-file', file: 'sources/mechanisms/pipe.yaml', line: 1, column: 1 },
        { code: 'file-too-large', file: 'sources/mechanisms/huge.yaml', line: 1, column: 1 },
      ]),
    );
  });
});
