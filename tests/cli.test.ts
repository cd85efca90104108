// The `iscm` command as users run it (bin/iscm.js in a child process): help for every command,
// the documented exit codes, --json output, plain diagnostics when piped, colour with a frame of
// the YAML and a progress bar on a terminal, and none of that in CI.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILD_STAGES } from '../pipeline/cli/build.ts';
import { iscm, type Run } from './helpers/iscm.ts';
import { makeProject, PROJECT_ROOT, removeProjects } from './helpers/project.ts';
import { iscmInTerminal } from './helpers/terminal.ts';

afterAll(removeProjects);

const COMMANDS = ['build', 'check', 'query', 'serve', 'export', 'load', 'stats', 'diff', 'new'];
const ESC = '\x1b[';

// A record with one fault: 2004-02-30 is not a date, at line 48, column 12 (the date's first digit).
const minimal = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/valid/minimal.yaml'), 'utf8');
const faulty = minimal.replace('start: 2004-12-16', 'start: 2004-02-30');
const FAULT_LINE = faulty.split('\n').indexOf('    start: 2004-02-30') + 1;
// Alone in its project, so that a check stops at it quickly; no test writes into this project.
let brokenRoot: string | undefined;
const broken = () => (brokenRoot ??= makeProject({ remove: ['sources/mechanisms'], files: { 'sources/mechanisms/minimal.yaml': faulty } }));
const withoutAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

describe.concurrent('iscm', () => {
  it('--help lists every command and the exit codes', async () => {
    const r = await iscm(PROJECT_ROOT, ['--help']);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toMatch(/^  2  usage/m);
  });

  it.each(COMMANDS)('%s --help shows its usage and exits 0', async (command) => {
    const r = await iscm(PROJECT_ROOT, [command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: iscm ${command}\\b`, 'i'));
  });

  it('prints its version', async () => {
    const r = await iscm(PROJECT_ROOT, ['--version']);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version);
  });

  it('exits 2 without a command, with an unknown one, or with an unknown option', async () => {
    const none = await iscm(PROJECT_ROOT, []);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^Usage: iscm/);
    expect((await iscm(PROJECT_ROOT, ['frobnicate'])).status).toBe(2);
    const option = await iscm(PROJECT_ROOT, ['stats', '--frobnicate']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/Run "iscm stats --help"/);
  });

  it('exits 2 outside a project folder', async () => {
    expect((await iscm(tmpdir(), ['check'])).status).toBe(2);
  });
});

describe.concurrent('diagnostics', () => {
  it('are plain `file:line:col: error code: message` lines when piped, with no progress bar; exit 1', async () => {
    const r = await iscm(broken(), ['check']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^sources/mechanisms/minimal\\.yaml:${FAULT_LINE}:12: error impossible-date: `, 'm'));
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).not.toContain('checking [');
  });

  it('are JSON on stdout with --json', async () => {
    const r = await iscm(broken(), ['check', '--json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ file: 'sources/mechanisms/minimal.yaml', line: FAULT_LINE, column: 12, code: 'impossible-date' }));
  });

  it('make a failed build exit 1, write nothing and report JSON with --json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'iscm-cli-')), 'output');
    const r = await iscm(broken(), ['build', '--out', out, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0].code).toBe('impossible-date');
    expect(existsSync(out)).toBe(false);
  });

  it('are in colour with a frame of the YAML and a caret under the column on a terminal, after a progress bar', async () => {
    const r = await iscmInTerminal(broken(), ['check']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${ESC}31m`);
    expect(r.stdout).toContain('\r\x1b[2Kchecking [');
    const lines = withoutAnsi(r.stdout).split('\n');
    const at = lines.findIndex((l) => l.startsWith(`> ${FAULT_LINE} | `));
    expect(lines[at]).toBe(`> ${FAULT_LINE} |     start: 2004-02-30`);
    // The caret stands under column 12 of the source line, after the frame's gutter.
    const gutter = `> ${FAULT_LINE} | `.length;
    expect(lines[at + 1].indexOf('^')).toBe(gutter + 11);
  });

  it('come without a progress bar on a terminal in CI, which keeps every redraw', async () => {
    const ci = await iscmInTerminal(broken(), ['check'], { CI: 'true' });
    expect(ci.status).toBe(1);
    expect(ci.stdout).not.toContain('checking [');
    expect(ci.stdout).toContain(`${ESC}31m`);
  });

  it('keep the frame but drop colour with NO_COLOR, and get both with FORCE_COLOR when piped', async () => {
    const noColor = await iscmInTerminal(broken(), ['check'], { NO_COLOR: '1' });
    expect(noColor.stdout).not.toContain(`${ESC}31m`);
    expect(noColor.stdout).toContain(`> ${FAULT_LINE} |     start: 2004-02-30`);
    const forced = await iscm(broken(), ['check'], { FORCE_COLOR: '1' });
    expect(forced.stderr).toContain(`${ESC}31m`);
    expect(withoutAnsi(forced.stderr)).toContain(`> ${FAULT_LINE} |     start: 2004-02-30`);
  });
});

describe('a build on a terminal', () => {
  const project = makeProject();
  const out = join(mkdtempSync(join(tmpdir(), 'iscm-cli-')), 'output');
  let run: Run;
  beforeAll(async () => {
    run = await iscmInTerminal(project, ['build', '--out', out, '--json']);
  });

  it('succeeds and reports JSON', () => {
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'), run.stdout.lastIndexOf('}') + 1));
    expect(json).toMatchObject({ ok: true, out });
    expect(json.files).toContain('iscm.nt');
  });

  it('shows a progress bar that goes through every stage, in order, and clears it', () => {
    const drawn = [...run.stdout.matchAll(/\r\x1b\[2Kbuilding \[[█░]+\] (\d+)\/(\d+) ([^\r\n]+)/g)];
    expect(drawn.map((m) => m[3])).toEqual(BUILD_STAGES);
    expect(drawn.map((m) => Number(m[1]))).toEqual(BUILD_STAGES.map((_, i) => i));
    expect(new Set(drawn.map((m) => Number(m[2])))).toEqual(new Set([BUILD_STAGES.length]));
    expect(run.stdout).toMatch(/\r\x1b\[2K\{/);
  });

  it('gives a folder that `iscm stats` counts', async () => {
    const r = await iscm(project, ['stats', out, '--json']);
    expect(r.status).toBe(0);
    const stats = JSON.parse(r.stdout);
    const report = JSON.parse(readFileSync(join(out, 'reports/reconciliation.json'), 'utf8'));
    expect(stats.names).toEqual(report.counts);
    const records = readdirSync(join(project, 'sources/mechanisms')).map((f) => parse(readFileSync(join(project, 'sources/mechanisms', f), 'utf8')));
    expect(stats.mechanisms).toBe(records.length);
    expect(stats.meetings).toBe(records.reduce((n, r) => n + (r.meetings?.length ?? 0), 0));
    expect(stats.documents).toBe(records.reduce((n, r) => n + (r.documents?.length ?? 0), 0));
    expect(stats.lists.total).toBe(records.reduce((n, r) => n + (r.participants?.length ?? 0), 0));
    expect(stats.lists.complete + stats.lists.partial).toBe(stats.lists.total);
    expect(Object.values(stats.memberships.byRole).reduce((a: number, b) => a + (b as number), 0)).toBe(stats.memberships.total);
    expect(stats.triples).toBe(readFileSync(join(out, 'iscm.nt'), 'utf8').split('\n').filter(Boolean).length);
  });
});
