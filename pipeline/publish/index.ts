// Stage 7, publish: the only writer. The new output is written to a temporary folder beside
// output/ and renamed into place, so that a failed or killed build never leaves a torn
// output/; a lock file keeps two builds from interleaving. docs/robustness.md states the
// guarantee, including the instant between the two renames and how recovery covers it.

import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { BuildError, error } from '../diagnostics.ts';

/**
 * Takes `{outDir}.lock`, or throws a `locked` BuildError while a live build holds it. A lock
 * left by a build that died is taken over. Returns the function that releases it.
 */
export function acquireLock(outDir: string): () => void {
  const lock = `${outDir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  // The lock is written in full under a name of our own, then hard-linked into place: link
  // fails when the lock exists, and a lock that exists is never half-written.
  const candidate = `${lock}.${process.pid}`;
  writeFileSync(candidate, holderId(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(candidate, lock);
        const ours = statSync(lock).ino;
        return () => {
          // Remove the lock only while it is still ours.
          if (statIno(lock) === ours) rmSync(lock, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      if (!removeStaleLock(lock)) break;
    }
  } finally {
    rmSync(candidate, { force: true });
  }
  throw new BuildError([error('locked', `another build holds ${lock}; wait for it to finish`)]);
}

/** Removes the lock when the build that wrote it is dead; false while a live build holds it. */
function removeStaleLock(lock: string): boolean {
  const ino = statIno(lock);
  if (ino === undefined) return true;
  let holder: string;
  try {
    holder = readFileSync(lock, 'utf8');
  } catch {
    return true;
  }
  if (isAlive(holder)) return false;
  // Another build may take the same stale lock over at the same moment: the lock is moved
  // aside atomically, and put back if what was moved is not the file judged stale.
  const aside = `${lock}.stale-${process.pid}`;
  try {
    renameSync(lock, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  if (statIno(aside) !== ino) {
    try {
      linkSync(aside, lock);
    } catch {
      // A third build took the lock meanwhile; it holds it now.
    }
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

/** `pid start-time`: the start time tells a dead build's pid from the same pid reused later. */
function holderId(pid: number): string {
  return `${pid} ${startTime(pid) ?? ''}`.trim();
}

function isAlive(holder: string): boolean {
  const [pidText, start] = holder.split(' ');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return start === undefined || startTime(pid) === undefined || startTime(pid) === start;
}

/** The process's start time in clock ticks since boot, where /proc tells it (Linux). */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function statIno(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

/**
 * Puts back an output/ that a killed build had moved aside between its two renames, and
 * deletes what killed builds left: temporary and moved-aside folders, lock candidates. Call
 * it only while holding the lock, since a live build's temporary folder looks the same.
 */
export function recover(outDir: string): void {
  const parent = dirname(outDir);
  const name = basename(outDir);
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent)
    .filter((n) => n.startsWith(`${name}.old-`) || n.startsWith(`${name}.tmp-`))
    .sort();
  const movedAside = leftovers.find((n) => n.startsWith(`${name}.old-`));
  if (movedAside && !existsSync(outDir)) renameSync(join(parent, movedAside), outDir);
  for (const n of leftovers) rmSync(join(parent, n), { recursive: true, force: true });
  for (const n of readdirSync(parent)) {
    const pid = /^(\d+)$|^stale-(\d+)$/.exec(n.slice(`${name}.lock.`.length));
    if (n.startsWith(`${name}.lock.`) && pid && !isAlive(pid[1] ?? pid[2])) rmSync(join(parent, n), { force: true });
  }
}

/** Replaces `outDir` with exactly `files` (paths relative to it). Call it while holding the lock. */
export function publish(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  recover(outDir);
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const folders = new Set([tmp]);
  for (const [path, content] of files) {
    if (isAbsolute(path) || path.split(/[/\\]/).some((s) => s === '' || s === '.' || s === '..'))
      throw new Error(`refusing to write "${path}" outside the output folder`);
    const target = join(tmp, path);
    mkdirSync(dirname(target), { recursive: true });
    for (let folder = dirname(target); folder !== tmp; folder = dirname(folder)) folders.add(folder);
    const fd = openSync(target, 'w');
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
  }
  // Files and folders reach the disk before the rename makes them output/.
  for (const folder of folders) fsyncFolder(folder);
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  fsyncFolder(dirname(outDir));
  rmSync(old, { recursive: true, force: true });
}

function fsyncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
