// Real builds killed with SIGKILL at random moments never damage the output. Two small projects
// (tests/helpers/small-project.ts) build into one temporary output folder in turn, so that each
// build replaces the other's output; most builds are killed, at a moment drawn from a seeded
// generator: anywhere in the build, or while it publishes (timed from the moment its temporary
// folder appears). After every kill the folder must hold, byte for byte, the complete previous
// output or the complete new one; the only other state allowed is the instant between publish's
// two renames, where the folder is absent and the complete previous output waits beside it,
// which recovery must put back (docs/robustness.md). The next build must recover and publish.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../pipeline/cli/build.ts';
import { DEFAULT_BASE } from '../pipeline/iri.ts';
import { acquireLock, recover } from '../pipeline/publish/index.ts';
import { besides, sameContent, snapshot } from './helpers/folder.ts';
import { PROJECT_ROOT, removeProjects } from './helpers/project.ts';
import { smallProject } from './helpers/small-project.ts';

const SEED = 0x6b111;
const KILLS = 16;

/** mulberry32: a small seeded generator, so that a failing schedule can be replayed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  pid: number;
  ms: number;
  /** Milliseconds from the start to the moment the temporary folder appeared, if it did. */
  publishAt?: number;
}

/** Builds `root` into `out` in a process of its own; with `kill`, kills it that many ms after its start, or after its publish starts. */
function build(root: string, out: string, kill?: { afterStart: number } | { afterPublish: number }): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'pipeline/cli/build.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ISCM_ROOT: root, ISCM_OUT: out },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let publishAt: number | undefined;
  const watcher = watch(dirname(out), (_event, name) => {
    if (publishAt !== undefined || name !== `${basename(out)}.tmp-${child.pid}`) return;
    publishAt = performance.now() - started;
    if (kill && 'afterPublish' in kill) setTimeout(() => child.kill('SIGKILL'), kill.afterPublish);
  });
  const timer = kill && 'afterStart' in kill ? setTimeout(() => child.kill('SIGKILL'), kill.afterStart) : undefined;
  return new Promise((resolve, reject) =>
    child.on('exit', (code, signal) => {
      watcher.close();
      clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`the build exited with ${code}: ${stderr}`));
      else resolve({ code, signal, pid: child.pid!, ms: performance.now() - started, publishAt });
    }),
  );
}

const folders: string[] = [];
const freshOut = (prefix: string) => {
  folders.push(mkdtempSync(join(tmpdir(), prefix)));
  return join(folders[folders.length - 1], 'output');
};
afterAll(() => {
  removeProjects();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe(`${KILLS} builds killed at random moments (seed ${SEED})`, () => {
  const roots: string[] = [];
  const expected: Map<string, Buffer>[] = [];
  let out: string;

  beforeAll(async () => {
    for (const name of ['Kill Test A', 'Kill Test B']) {
      const root = smallProject(name);
      const reference = freshOut('iscm-kill-ref-');
      expect(await runBuild({ root, out: reference, base: DEFAULT_BASE, quiet: true })).toBe(0);
      roots.push(root);
      expected.push(snapshot(reference)!);
    }
    // Every dump differs between the two, so that a mix of the two cannot pass for either.
    for (const [path, bytes] of expected[0]) if (/^iscm\.\w+$/.test(path)) expect(bytes.equals(expected[1].get(path)!), path).toBe(false);
    out = freshOut('iscm-kill-');
  });

  it('leave the previous output or the new one, whole, and the next build recovers', async () => {
    const random = generator(SEED);
    // The first build runs to the end: it sets the output the kills must preserve, and times a build.
    const first = await build(roots[0], out);
    expect(first.code).toBe(0);
    expect(first.publishAt).toBeDefined();
    const publishMs = Math.max(first.ms - first.publishAt!, 5);
    let current = 0;
    const seen = { 'before publish': 0, 'while writing': 0, 'between the renames': 0, 'after the swap': 0, 'not killed': 0 };
    const log: string[] = [];

    for (let k = 0; k < KILLS; k++) {
      const next = 1 - current;
      const kill = random() < 0.5 ? { afterStart: random() * 0.8 * first.ms } : { afterPublish: random() * publishMs };
      const run = await build(roots[next], out, kill);
      const state = snapshot(out);
      const left = besides(out);
      let phase: keyof typeof seen;
      if (run.code === 0) phase = 'not killed';
      else if (!state) phase = 'between the renames';
      else if (sameContent(state, expected[next])) phase = 'after the swap';
      else if (left.includes(`${basename(out)}.tmp-${run.pid}`)) phase = 'while writing';
      else phase = 'before publish';
      seen[phase]++;
      log.push(`kill ${k}: ${JSON.stringify(kill)} → ${phase}`);
      const context = log.join('\n');

      if (!state) {
        // Killed between publish's two renames: the complete previous output waits beside, and recovery puts it back.
        expect(sameContent(snapshot(join(dirname(out), `${basename(out)}.old-${run.pid}`)), expected[current]), context).toBe(true);
        const release = acquireLock(out);
        recover(out);
        release();
        expect(sameContent(snapshot(out), expected[current]), context).toBe(true);
      } else if (sameContent(state, expected[next])) current = next;
      else expect(sameContent(state, expected[current]), `${context}\nthe output is neither the previous one nor the new one`).toBe(true);
      if (run.code === 0) expect(left, context).toEqual([]);
    }

    // After all the kills, one more build: it takes over the stale lock, cleans up and publishes.
    const last = await build(roots[1 - current], out);
    expect(last.code, log.join('\n')).toBe(0);
    expect(sameContent(snapshot(out), expected[1 - current])).toBe(true);
    expect(besides(out)).toEqual([]);
    // The schedule must actually kill builds, in publish as well as before it.
    expect(seen['not killed'], log.join('\n')).toBeLessThanOrEqual(KILLS / 2);
    process.stdout.write(`kill.test.ts, seed ${SEED}: ${JSON.stringify(seen)}\n`);
  });
});
