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
import { createHash } from 'node:crypto';
import { promises as fsPromises, type promises } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BuildError, error } from '../diagnostics.ts';
import type { Digest } from '../serialize/checksums.ts';
import { GZIP_LEVEL, pinOperatingSystem } from '../serialize/gzip.ts';

type FileHandle = promises.FileHandle;
const gzipAsync = promisify(gzip);

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
  const staging = new Staging(outDir);
  for (const [path, content] of files) {
    const fd = openSync(staging.target(path), 'w');
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
  }
  staging.commit();
}

/** Bytes that come with their gzip member already made (serialize/gzip.ts gzipMember), so that a gzip copy does not compress them again. */
export interface Compressed {
  bytes: Uint8Array;
  gzip: Uint8Array;
}

export type Piece = Uint8Array | string | Compressed;

/** What publishStreams writes at a path: text, bytes, or pieces made as they are written. */
export type Content = string | Uint8Array | (() => AsyncIterable<Piece>);

export type Written = Digest;

export interface StreamOptions {
  /** Files that also get a gzip copy (`{path}.gz`), made from the same pieces as they are written. */
  gzip?: ReadonlySet<string>;
  /** Makes the files that describe the others (their sizes and checksums), once those are written. */
  describe?: (written: ReadonlyMap<string, Written>) => Promise<ReadonlyMap<string, Content>>;
}

/**
 * publish for outputs too large to hold: every file is written as its chunks come, never whole,
 * with its size and SHA-256 computed on the way; the files are written concurrently, so that
 * compression (zlib's threads) runs beside the rest. Replaces `outDir` only when everything,
 * `describe`'s files included, is written. Call it while holding the lock.
 */
export async function publishStreams(outDir: string, files: ReadonlyMap<string, Content>, options: StreamOptions = {}): Promise<Map<string, Written>> {
  const staging = new Staging(outDir);
  const written = await writeAll(files, options, (path) => staging.target(path));
  staging.commit();
  return written;
}

/** What publishStreams would write, hashed but written nowhere: for `iscm check`, which publishes nothing. */
export function digestStreams(files: ReadonlyMap<string, Content>, options: StreamOptions = {}): Promise<Map<string, Written>> {
  return writeAll(files, options, () => undefined);
}

async function writeAll(files: ReadonlyMap<string, Content>, options: StreamOptions, target: (path: string) => string | undefined): Promise<Map<string, Written>> {
  const written = new Map<string, Written>();
  const batch = (some: ReadonlyMap<string, Content>) =>
    Promise.all(
      [...some].map(async ([path, content]) => {
        const gz = options.gzip?.has(path) ? `${path}.gz` : undefined;
        const result = await writeStream(target(path), content, gz === undefined ? undefined : { path: target(gz) });
        written.set(path, result.file);
        if (gz) written.set(gz, result.gzip!);
      }),
    );
  await batch(files);
  if (options.describe) await batch(await options.describe(written));
  return written;
}

/**
 * Writes `content` to `target` (and, when asked, its gzip copy to `gzip.path`), fsynced,
 * returning size and SHA-256 of each; an undefined path only hashes.
 */
async function writeStream(target: string | undefined, content: Content, gzip?: { path: string | undefined }): Promise<{ file: Written; gzip?: Written }> {
  const file = new HashedFile(target);
  const gz = gzip ? new GzipCopy(gzip.path) : undefined;
  try {
    const pieces = typeof content === 'function' ? content() : [content];
    for await (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece instanceof Uint8Array ? piece : piece.bytes;
      if (!bytes.length) continue;
      await file.write(bytes);
      await gz?.write(bytes, piece instanceof Uint8Array || typeof piece === 'string' ? undefined : piece.gzip);
    }
    return { file: await file.close(), gzip: await gz?.close() };
  } finally {
    await file.abandon();
    await gz?.abandon();
  }
}

const WRITE_BUFFER = 1 << 20;

/** A file written through a buffer, hashed on the way, fsynced on close; without a path, only hashed. */
class HashedFile {
  private readonly hash = createHash('sha256');
  private handle?: Promise<FileHandle>;
  private buffered: Uint8Array[] = [];
  private pending = 0;
  private size = 0;

  constructor(private readonly path: string | undefined) {}

  async write(bytes: Uint8Array): Promise<void> {
    this.hash.update(bytes);
    this.size += bytes.length;
    if (this.path === undefined) return;
    this.buffered.push(bytes);
    this.pending += bytes.length;
    if (this.pending >= WRITE_BUFFER) await this.flush();
  }

  async close(): Promise<Written> {
    if (this.path === undefined) return { sha256: this.hash.digest('hex'), bytes: this.size };
    await this.flush();
    const fh = await this.open();
    await fh.sync();
    await fh.close();
    this.handle = undefined;
    return { sha256: this.hash.digest('hex'), bytes: this.size };
  }

  /** Closes the file if an error left it open. */
  async abandon(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    if (h) await (await h).close();
  }

  private open(): Promise<FileHandle> {
    return (this.handle ??= fsPromises.open(this.path!, 'w'));
  }

  private async flush(): Promise<void> {
    const data = Buffer.concat(this.buffered, this.pending);
    this.buffered = [];
    this.pending = 0;
    const fh = await this.open();
    for (let done = 0; done < data.length; ) done += (await fh.write(data, done)).bytesWritten;
  }
}

/** Bytes compressed together into one member, at most; beyond, the copy gets another member. */
const MEMBER_BYTES = 8 << 20;

/**
 * The gzip copy of a file, as gzip members one after the other (serialize/gzip.ts): a piece's own
 * member when it comes with one, and the other pieces compressed here, consecutive ones together.
 */
class GzipCopy {
  private readonly out: HashedFile;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(path: string | undefined) {
    this.out = new HashedFile(path);
  }

  async write(bytes: Uint8Array, member?: Uint8Array): Promise<void> {
    if (member) {
      await this.flush();
      await this.out.write(member);
      return;
    }
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= MEMBER_BYTES) await this.flush();
  }

  async close(): Promise<Written> {
    await this.flush();
    return this.out.close();
  }

  async abandon(): Promise<void> {
    await this.out.abandon();
  }

  private async flush(): Promise<void> {
    if (!this.pendingBytes) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    // zlib's thread pool, so that the other files go on being written meanwhile.
    const member = await gzipAsync(bytes, { level: GZIP_LEVEL });
    pinOperatingSystem(member, 0);
    await this.out.write(member);
  }
}

/** The temporary folder a new output is written to, then renamed into place. */
class Staging {
  readonly tmp: string;
  private readonly folders: Set<string>;

  constructor(private readonly outDir: string) {
    recover(outDir);
    this.tmp = `${outDir}.tmp-${process.pid}`;
    rmSync(this.tmp, { recursive: true, force: true });
    this.folders = new Set([this.tmp]);
  }

  /** Where `path` goes in the temporary folder, its folders made. */
  target(path: string): string {
    if (isAbsolute(path) || path.split(/[/\\]/).some((s) => s === '' || s === '.' || s === '..'))
      throw new Error(`refusing to write "${path}" outside the output folder`);
    const target = join(this.tmp, path);
    mkdirSync(dirname(target), { recursive: true });
    for (let folder = dirname(target); folder !== this.tmp; folder = dirname(folder)) this.folders.add(folder);
    return target;
  }

  commit(): void {
    const { outDir, tmp } = this;
    // Files and folders reach the disk before the rename makes them output/.
    for (const folder of this.folders) fsyncFolder(folder);
    const old = `${outDir}.old-${process.pid}`;
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    fsyncFolder(dirname(outDir));
    rmSync(old, { recursive: true, force: true });
  }
}

function fsyncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
