// Stage 7, publish: output/ is replaced whole or not at all; a failed build leaves it untouched;
// the lock keeps two builds apart, across processes, and a lock left by a killed build is taken
// over; recovery puts back an output/ that a killed build had moved aside. Killing real builds
// at random moments is tests/kill.test.ts.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runBuild } from '../pipeline/cli/build.ts';
import { BuildError } from '../pipeline/diagnostics.ts';
import { DEFAULT_BASE } from '../pipeline/iri.ts';
import { acquireLock, publish, recover } from '../pipeline/publish/index.ts';
import { besides, sameContent, snapshot } from './helpers/folder.ts';
import { PROJECT_ROOT, removeProjects } from './helpers/project.ts';
import { smallProject } from './helpers/small-project.ts';

const folders: string[] = [];
afterAll(() => {
  removeProjects();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

const CONTENDER = join(PROJECT_ROOT, 'tests/helpers/lock-contender.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A fresh `output` folder path in a temporary parent of its own. */
const freshOut = () => {
  folders.push(mkdtempSync(join(tmpdir(), 'iscm-publish-')));
  return join(folders[folders.length - 1], 'output');
};
const files = (...entries: [string, string][]) => new Map(entries);

function lockCode(work: () => unknown): string | undefined {
  try {
    work();
  } catch (e) {
    if (e instanceof BuildError) return e.diagnostics[0].code;
    throw e;
  }
  return undefined;
}

/** A process that holds the lock of `out` until it is killed or its stdin closes. */
async function holder(out: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, 'hold', out], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));

/** The pid of a process that has exited. */
const deadPid = () => {
  const child = spawn(process.execPath, ['-e', '0']);
  return new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
};

describe('publish', () => {
  it('replaces the folder with exactly the new files and leaves nothing beside it', () => {
    const out = freshOut();
    publish(out, files(['a.txt', 'one'], ['sub/b.txt', 'two']));
    publish(out, files(['a.txt', 'three'], ['c.txt', 'four']));
    expect(sameContent(snapshot(out), new Map([['a.txt', Buffer.from('three')], ['c.txt', Buffer.from('four')]]))).toBe(true);
    expect(besides(out)).toEqual([]);
  });

  it('refuses a path that would leave the folder, before touching the folder', () => {
    const out = freshOut();
    publish(out, files(['a.txt', 'one']));
    const before = snapshot(out);
    for (const path of ['../escape.txt', 'sub/../../escape.txt', '/tmp/escape.txt', 'sub//b.txt', './a.txt'])
      expect(() => publish(out, files(['a.txt', 'two'], [path, 'x'])), path).toThrow();
    expect(sameContent(snapshot(out), before)).toBe(true);
    expect(existsSync(join(out, '..', 'escape.txt'))).toBe(false);
  });

  it('a publish that fails midway leaves the folder untouched; the next one removes what it left', () => {
    const out = freshOut();
    publish(out, files(['a.txt', 'one']));
    const before = snapshot(out);
    expect(() => publish(out, files(['a.txt', 'two'], ['../escape.txt', 'x']))).toThrow();
    expect(sameContent(snapshot(out), before)).toBe(true);
    expect(besides(out)).toEqual([`output.tmp-${process.pid}`]);
    publish(out, files(['a.txt', 'three']));
    expect(snapshot(out)!.get('a.txt')!.toString()).toBe('three');
    expect(besides(out)).toEqual([]);
  });
});

describe('recover', () => {
  it('puts back an output moved aside by a build killed between its two renames', () => {
    const out = freshOut();
    publish(out, files(['a.txt', 'previous']));
    const previous = snapshot(out);
    // The state a build killed between renaming output/ aside and renaming its new one in leaves.
    renameSync(out, `${out}.old-4194301`);
    mkdirSync(`${out}.tmp-4194301`);
    writeFileSync(join(`${out}.tmp-4194301`, 'a.txt'), 'new');
    recover(out);
    expect(sameContent(snapshot(out), previous)).toBe(true);
    expect(besides(out)).toEqual([]);
  });

  it('keeps a complete new output and removes the old one a killed build had not removed yet', () => {
    const out = freshOut();
    publish(out, files(['a.txt', 'new']));
    mkdirSync(`${out}.old-4194301`);
    writeFileSync(join(`${out}.old-4194301`, 'a.txt'), 'previous');
    mkdirSync(`${out}.tmp-4194302`);
    recover(out);
    expect(snapshot(out)!.get('a.txt')!.toString()).toBe('new');
    expect(besides(out)).toEqual([]);
  });
});

describe('the lock', () => {
  it('is refused as locked while this process holds it, and free again once released', () => {
    const out = freshOut();
    const release = acquireLock(out);
    expect(lockCode(() => acquireLock(out))).toBe('locked');
    release();
    acquireLock(out)();
    expect(besides(out)).toEqual([]);
  });

  it('creates the folder the output goes in', () => {
    const out = join(freshOut(), 'deeper', 'output');
    acquireLock(out)();
    expect(existsSync(join(out, '..'))).toBe(true);
  });

  it('is refused as locked while another live process holds it, and taken over once that process is killed', async () => {
    const out = freshOut();
    const child = await holder(out);
    expect(lockCode(() => acquireLock(out))).toBe('locked');
    child.kill('SIGKILL');
    await exited(child);
    const release = acquireLock(out);
    expect(readFileSync(`${out}.lock`, 'utf8').split(' ')[0]).toBe(String(process.pid));
    release();
    expect(besides(out)).toEqual([]);
  });

  it('left by a dead process, or holding garbage, is taken over', async () => {
    const out = freshOut();
    for (const content of [`${await deadPid()}`, `${await deadPid()} 12345`, 'garbage', '', '-1', '0']) {
      writeFileSync(`${out}.lock`, content);
      acquireLock(out)();
    }
    expect(besides(out)).toEqual([]);
  });

  it.runIf(existsSync('/proc/self/stat'))('naming a live pid that started at another time (a reused pid) is taken over', () => {
    const out = freshOut();
    writeFileSync(`${out}.lock`, `${process.pid} 1`);
    acquireLock(out)();
    expect(besides(out)).toEqual([]);
  });

  it('is held by one process at a time when several race for it, a stale lock among them', async () => {
    const out = freshOut();
    const log = join(out, '..', 'log');
    writeFileSync(log, '');
    writeFileSync(`${out}.lock`, `${await deadPid()}`);
    const racers = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', CONTENDER, 'contend', out, log, '3'], { cwd: PROJECT_ROOT, stdio: 'inherit' }));
    children.push(...racers);
    const codes = await Promise.all(racers.map((c) => new Promise<number | null>((resolve) => c.on('exit', resolve))));
    expect(codes).toEqual([0, 0, 0, 0]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4 * 3 * 2);
    // Every holding is "enter p" followed at once by "exit p": no one entered while another held it.
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]).toMatch(/^enter \d+$/);
      expect(lines[i + 1]).toBe(lines[i].replace('enter', 'exit'));
    }
    expect(besides(out).filter((n) => n !== 'log')).toEqual([]);
  });
});

describe('builds', () => {
  it('a build that fails leaves the previous output byte for byte, and no lock', async () => {
    const out = freshOut();
    const good = smallProject();
    expect(await runBuild({ root: good, out, base: DEFAULT_BASE, quiet: true })).toBe(0);
    const previous = snapshot(out);
    const broken = smallProject('Minimal Test Dialogue', { 'sources/mechanisms/extra.yaml': 'id: extra\nname: {en: Extra}\nsources: []\n' });
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await runBuild({ root: broken, out, base: DEFAULT_BASE, quiet: true })).toBe(1);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join('')).toMatch(/sources\/mechanisms\/extra\.yaml:3:\d+: error empty-value/);
    expect(sameContent(snapshot(out), previous)).toBe(true);
    expect(besides(out)).toEqual([]);
  });

  /** Runs `iscm build` of `root` into `out` as a process of its own. */
  function cliBuild(root: string, out: string): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'pipeline/cli/build.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ISCM_ROOT: root, ISCM_OUT: out },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  }

  it('a build started while another holds the lock is refused as locked and writes nothing', async () => {
    const out = freshOut();
    publish(out, files(['a.txt', 'previous']));
    const previous = snapshot(out);
    const child = await holder(out);
    const result = await cliBuild(smallProject(), out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error locked:/);
    expect(sameContent(snapshot(out), previous)).toBe(true);
    child.stdin!.end();
    await exited(child);
    expect(besides(out)).toEqual([]);
  });

  it('two builds started at once do not interleave: the output is one of them, whole', async () => {
    const out = freshOut();
    const names = ['First Name', 'Second Name'];
    const results = await Promise.all(names.map((name) => cliBuild(smallProject(name), out)));
    // Usually one holds the lock while the other starts, which is refused; on a slow machine the
    // second may start after the first has finished, and both publish, one after the other.
    for (const r of results) if (r.code !== 0) expect(r.stderr).toMatch(/error locked:/);
    expect(results.some((r) => r.code === 0)).toBe(true);
    const nt = readFileSync(join(out, 'iscm.nt'), 'utf8');
    expect(names.filter((n) => nt.includes(`"${n}"@en`))).toHaveLength(1);
    execFileSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: out });
    expect(besides(out)).toEqual([]);
  });
});
