// What the CLI writes for people, in-process and fast: the progress bar (only on a terminal, never
// in CI or a pipe), code frames (the caret under the column, tabs kept), and the choice between
// the pretty and the plain form of a diagnostic.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { error, formatDiagnostic } from '../pipeline/diagnostics.ts';
import { codeFrame, writeDiagnostics } from '../pipeline/cli/format-diagnostics.ts';
import { createProgress, progressTimer } from '../pipeline/cli/progress.ts';
import { noColor } from '../pipeline/cli/terminal.ts';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (c: string) => chunks.push(c) };
}

describe('the progress bar', () => {
  it('draws each step with the steps finished so far, then clears the line', () => {
    const s = stream(true);
    const p = createProgress('building', 2, s, { TERM: 'xterm' });
    p.step('validate');
    p.step('map');
    p.done();
    expect(s.chunks).toHaveLength(3);
    expect(s.chunks[0]).toMatch(/^\r\x1b\[2Kbuilding \[░+\] 0\/2 validate$/);
    expect(s.chunks[1]).toMatch(/^\r\x1b\[2Kbuilding \[█+░+\] 1\/2 map$/);
    expect(s.chunks[2]).toBe('\r\x1b[2K');
  });

  it('grows rather than overflows when a step was not announced', () => {
    const s = stream(true);
    const p = createProgress('x', 1, s, {});
    for (const step of ['a', 'b', 'c']) p.step(step);
    expect(s.chunks.at(-1)).toMatch(/ 2\/3 c$/);
  });

  it.each([
    ['piped', false, {}],
    ['in CI', true, { CI: 'true' }],
    ['on a dumb terminal', true, { TERM: 'dumb' }],
  ])('writes nothing when %s', (_, isTTY, env) => {
    const s = stream(isTTY as boolean);
    const p = createProgress('building', 3, s, env as Record<string, string>);
    p.step('a');
    p.done();
    expect(s.chunks).toEqual([]);
  });

  it('moves on at each stage of a StageTimer and returns what the stage returns', async () => {
    const s = stream(true);
    const time = progressTimer(createProgress('t', 2, s, {}));
    expect(time('sync', () => 41) + 1).toBe(42);
    expect(await time('async', async () => 'done')).toBe('done');
    expect(s.chunks.map((c) => c.split(' ').at(-1))).toEqual(['sync', 'async']);
  });
});

describe('code frames', () => {
  const text = ['a: 1', 'b:', '\t- x: bad', 'c: 3', 'd: 4', 'e: 5'].join('\n');

  it('show two lines either side, number them, and point at the column', () => {
    const frame = codeFrame(text, 3, 6, noColor);
    expect(frame).toEqual(['  1 | a: 1', '  2 | b:', '> 3 | \t- x: bad', '    | \t    ^', '  4 | c: 3', '  5 | d: 4']);
  });

  it('stop at the ends of the file, and show nothing for a line beyond it', () => {
    expect(codeFrame(text, 1, 1, noColor)[0]).toBe('> 1 | a: 1');
    expect(codeFrame(text, 6, 1, noColor).at(-2)).toBe('> 6 | e: 5');
    expect(codeFrame(text, 99, 1, noColor)).toEqual([]);
  });
});

describe('diagnostics', () => {
  const root = mkdtempSync(join(tmpdir(), 'iscm-frame-'));
  writeFileSync(join(root, 'x.yaml'), 'id: x\nname: 3\n');
  const d = error('wrong-type', '"name" must be object', { file: 'x.yaml', line: 2, column: 7 });

  it('are the plain one-line form when not on a terminal', () => {
    const s = stream(false);
    writeDiagnostics([d], root, s, {});
    expect(s.chunks.join('')).toBe(`${formatDiagnostic(d)}\n`);
  });

  it('get a frame of the file on a terminal, without colour under NO_COLOR', () => {
    const s = stream(true);
    writeDiagnostics([d], root, s, { NO_COLOR: '1' });
    expect(s.chunks.join('')).toBe(`${formatDiagnostic(d)}\n  1 | id: x\n> 2 | name: 3\n    |       ^\n\n`);
  });

  it('keep their line when the file they point into cannot be read', () => {
    const s = stream(true);
    writeDiagnostics([{ ...d, file: 'gone.yaml' }], root, s, { NO_COLOR: '1' });
    expect(s.chunks.join('')).toBe(`${formatDiagnostic({ ...d, file: 'gone.yaml' })}\n\n`);
  });
});
