// LinkML-style invalid examples: every file of tests/fixtures/invalid/ is a copy of a small
// valid record with one fault, and opens with `# expect: <code> at <line>:<column>`. Each is
// put alone into a copy of the project as sources/mechanisms/<file>; the four stages run in
// order up to the first that reports anything, which must report that code at that place.
// Messages are never asserted: only codes and locations are part of the contract.

import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_YAML_TOKENS } from '../pipeline/load/yaml.ts';
import { makeProject, removeProjects, runStages, type StagesResult } from './helpers/project.ts';

const INVALID = new URL('./fixtures/invalid/', import.meta.url);
const VALID = new URL('./fixtures/valid/', import.meta.url);

afterAll(removeProjects);

interface Expectation {
  code: string;
  line: number;
  column: number;
}

function expectation(text: string): Expectation {
  const m = /^# expect: ([a-z0-9-]+) at (\d+):(\d+)\n/.exec(text);
  if (!m) throw new Error('the fixture does not start with "# expect: <code> at <line>:<column>"');
  return { code: m[1], line: Number(m[2]), column: Number(m[3]) };
}

/** A project whose only mechanism is `content`, stored as sources/mechanisms/`name`. */
function runAlone(name: string, content: string | Buffer): StagesResult {
  const root = makeProject({ remove: ['sources/mechanisms'], files: { [`sources/mechanisms/${name}`]: content } });
  let result: StagesResult | undefined;
  expect(() => {
    result = runStages(root);
  }).not.toThrow();
  return result!;
}

function expectReported(result: StagesResult, file: string, e: Expectation): void {
  const where = (d: { code: string; file?: string; line?: number; column?: number }) => ({
    code: d.code,
    file: d.file,
    line: d.line,
    column: d.column,
  });
  expect(result.stage).not.toBe('done');
  expect(result.diagnostics.map(where)).toContainEqual({ code: e.code, file, line: e.line, column: e.column });
  for (const d of result.diagnostics) expect(d.severity).toBe('error');
}

const fixtures = readdirSync(INVALID)
  .filter((n) => n.endsWith('.yaml'))
  .sort();

describe('invalid fixtures', () => {
  it('exist, one per fault', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures)('%s reports its expected code and location', (name) => {
    const text = readFileSync(new URL(name, INVALID), 'utf8');
    const e = expectation(text);
    expectReported(runAlone(name, text), `sources/mechanisms/${name}`, e);
  });

  it('name their record by the file name, except id-mismatch.yaml', () => {
    for (const name of fixtures) {
      const id = /^id: (.*)$/m.exec(readFileSync(new URL(name, INVALID), 'utf8'))?.[1];
      if (name === 'id-mismatch.yaml') expect(id).not.toBe('id-mismatch');
      else expect(id, name).toBe(name.replace(/\.yaml$/, ''));
    }
  });
});

describe('faults generated as bytes', () => {
  const valid = readFileSync(new URL('minimal.yaml', VALID), 'utf8').replace(/^id: minimal$/m, 'id: generated');
  const file = 'sources/mechanisms/generated.yaml';

  it('an empty file is empty-file at 1:1', () => {
    expectReported(runAlone('generated.yaml', Buffer.alloc(0)), file, { code: 'empty-file', line: 1, column: 1 });
  });

  it('a byte that is not UTF-8 is invalid-utf8 at its line and column', () => {
    // `  en: Minimal Test Dialogue` on line 5: the bad byte replaces the "T" of "Test".
    const [before, after] = valid.split('Minimal Test Dialogue');
    const bytes = Buffer.concat([Buffer.from(`${before}Minimal `), Buffer.from([0xff]), Buffer.from(`est Dialogue${after}`)]);
    expectReported(runAlone('generated.yaml', bytes), file, { code: 'invalid-utf8', line: 5, column: 15 });
  });

  it('a NUL byte is nul-byte at its line and column', () => {
    const text = valid.replace("fr: Dialogue d'essai minimal", "fr: Dialogue\u0000 d'essai minimal");
    expectReported(runAlone('generated.yaml', Buffer.from(text, 'utf8')), file, { code: 'nul-byte', line: 6, column: 15 });
  });

  it(`nesting deeper than ${MAX_DEPTH} levels is too-deep at the first node too deep`, () => {
    // The value of `note` is at depth 1 (under the record), so the (MAX_DEPTH)th "[" is one too deep.
    const text = `${valid}note: ${'['.repeat(MAX_DEPTH + 8)}${']'.repeat(MAX_DEPTH + 8)}\n`;
    const line = text.split('\n').length - 1;
    expectReported(runAlone('generated.yaml', text), file, { code: 'too-deep', line, column: 7 + MAX_DEPTH });
  });

  it('very deep nesting, flow or block, is too-deep and never crashes the parser', () => {
    // Deep, but within the token budget (two tokens a level), so that depth is what is reported.
    const flow = `${valid}note: ${'['.repeat(MAX_YAML_TOKENS / 4)}${']'.repeat(MAX_YAML_TOKENS / 4)}\n`;
    expectReported(runAlone('generated.yaml', flow), file, {
      code: 'too-deep',
      line: flow.split('\n').length - 1,
      column: 7 + MAX_DEPTH,
    });
    const block = `${valid}note:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`;
    const noteLine = valid.split('\n').length;
    // "note:" is depth 0's key, its value the first "- " (depth 1) on the next line, at column 2;
    // the (MAX_DEPTH + 1)th "- " is on line noteLine + MAX_DEPTH + 1, after MAX_DEPTH + 1 spaces.
    expectReported(runAlone('generated.yaml', block), file, {
      code: 'too-deep',
      line: noteLine + MAX_DEPTH + 1,
      column: MAX_DEPTH + 2,
    });
  });
});

describe('valid records', () => {
  it('the minimal record passes all four stages', () => {
    const result = runAlone('minimal.yaml', readFileSync(new URL('minimal.yaml', VALID)));
    expect(result.diagnostics).toEqual([]);
    expect(result.stage).toBe('done');
    expect(result.graphs?.find((g) => g.key === 'process/minimal')?.quads.length).toBeGreaterThan(0);
  });

  it('the real sources pass all four stages', () => {
    let result: StagesResult | undefined;
    expect(() => {
      result = runStages(makeProject());
    }).not.toThrow();
    expect(result!.diagnostics).toEqual([]);
    expect(result!.stage).toBe('done');
  });
});
