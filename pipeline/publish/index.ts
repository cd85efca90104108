// Stage 7, publish: the only writer. The new output is written to a temporary folder
// beside output/ and renamed into place, so that a failed or killed build never leaves a
// torn output/. A lock file keeps two builds from interleaving.

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BuildError, error } from '../diagnostics.ts';

export function acquireLock(outDir: string): () => void {
  const lock = `${outDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder && isAlive(holder)) break;
      rmSync(lock, { force: true }); // left by a build that was killed
    }
  }
  throw new BuildError([error('locked', `another build holds ${lock}; wait for it to finish`)]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Puts back an output/ that a build killed between its two renames had moved aside. */
export function recover(outDir: string): void {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const leftovers = existsSync(parent) ? readdirSync(parent).filter((n) => n.startsWith(`${name}.old-`) || n.startsWith(`${name}.tmp-`)) : [];
  for (const n of leftovers.filter((n) => n.startsWith(`${name}.old-`)))
    if (!existsSync(outDir)) renameSync(join(parent, n), outDir);
  for (const n of readdirSync(parent).filter((n) => n.startsWith(`${name}.old-`) || n.startsWith(`${name}.tmp-`)))
    rmSync(join(parent, n), { recursive: true, force: true });
}

export function publish(outDir: string, files: Map<string, string | Uint8Array>): void {
  recover(outDir);
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(tmp, path);
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'w');
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
  }
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}
