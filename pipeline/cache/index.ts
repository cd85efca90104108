// The content-hash cache of record entries (pipeline/records/entry.ts), under .cache/build/ of
// the project. An entry's key hashes everything its bytes depend on: the record file's path
// and bytes, every other source file (reference data, vocabularies, ontology), the base IRI,
// and the code that builds it. So an entry is never stale: a change anywhere that could alter
// it gives another key, and a rebuild redoes exactly the records whose key is new. This
// module is the only one that reads or writes the cache; entries are written whole under a
// temporary name and renamed, so that builds running at once share the cache safely.

import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { RawSource, SourceFileInfo } from '../load/index.ts';
import { readLayout, type EntryLayout } from '../records/entry.ts';

export const CACHE_DIR = '.cache/build';

/** How long an entry counts as in use by a build still running (see prune). */
const IN_USE_MS = 60 * 60 * 1000;

const PIPELINE = fileURLToPath(new URL('..', import.meta.url));
const LOCKFILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

/**
 * Hash of everything but the record itself that an entry depends on: `inputs` are the files the
 * build read besides the mechanism records.
 */
export function cacheSalt(inputs: readonly SourceFileInfo[], base: string): string {
  const h = createHash('sha256').update(`${codeFingerprint()}\n${base}\n`);
  for (const f of inputs) h.update(`${f.path}\t${f.sha256}\n`);
  return h.digest('hex');
}

export function cacheKey(salt: string, raw: RawSource): string {
  return createHash('sha256').update(`${salt}\n${raw.file}\n${raw.sha256}`).digest('hex');
}

export class RecordCache {
  constructor(readonly dir: string) {}

  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  write(key: string, entry: Uint8Array): void {
    const path = this.path(key);
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${threadId}`;
    writeFileSync(tmp, entry);
    renameSync(tmp, path);
  }

  /** Marks the entry as used now, so that no build prunes it while this one may still read it. */
  touch(key: string): void {
    const now = new Date();
    utimesSync(this.path(key), now, now);
  }

  /**
   * Deletes the entries and marks that are not in `keep` and have not been used for an hour:
   * the cache keeps what the current sources need, and no build that started less than an hour
   * ago loses an entry it has yet to read (each build touches what it uses).
   */
  prune(keep: ReadonlySet<string>): void {
    const before = Date.now() - IN_USE_MS;
    for (const folder of existsSync(this.dir) ? readdirSync(this.dir) : []) {
      const dir = join(this.dir, folder);
      if (!statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir)) {
        const key = name.replace(/\.rec$/, '');
        if (keep.has(key)) continue;
        const path = join(dir, name);
        try {
          if (statSync(path).mtimeMs < before) rmSync(path, { force: true });
        } catch {
          // Pruned by another build meanwhile.
        }
      }
    }
  }

  /** Whether a check was passed with exactly these inputs (`key` hashes them), by this or an earlier build. */
  passed(key: string): boolean {
    return existsSync(this.markerPath(key));
  }

  /** Remembers that the check of `key` passed. */
  pass(key: string): void {
    const path = this.markerPath(key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
  }

  /** Marks the check of `key` as used now (see touch). */
  touchPassed(key: string): void {
    const now = new Date();
    utimesSync(this.markerPath(key), now, now);
  }

  /** The entry's summary and where its sections lie. */
  layout(key: string): EntryLayout {
    const path = this.path(key);
    for (let size = 16 * 1024; ; size *= 4) {
      const prefix = this.read(key, 0, size);
      const layout = readLayout(prefix, path);
      if (layout) return layout;
      if (prefix.length < size) throw new Error(`${path} is truncated`);
    }
  }

  /** `length` bytes of the entry from `offset` (fewer at its end). */
  read(key: string, offset: number, length: number): Buffer {
    const fd = openSync(this.path(key), 'r');
    try {
      const out = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, out, done, length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return out.subarray(0, done);
    } finally {
      closeSync(fd);
    }
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.rec`);
  }

  private markerPath(key: string): string {
    return join(this.dir, 'passed', key);
  }
}

let fingerprint: string | undefined;

/** Hash of the pipeline's code and of the locked dependencies: a new version of either invalidates every entry. */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(name)) h.update(`${path.slice(PIPELINE.length)}\n`).update(readFileSync(path));
    }
  };
  walk(PIPELINE);
  h.update(readFileSync(LOCKFILE));
  return (fingerprint = h.digest('hex'));
}
