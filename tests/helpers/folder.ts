// A folder's content as a map from relative path to bytes, to compare outputs byte for byte,
// and what lies beside it, to see what a build left behind.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** Every file below `dir` by its path relative to `dir` ('/'-separated), or undefined when there is no `dir`. */
export function snapshot(dir: string): Map<string, Buffer> | undefined {
  if (!existsSync(dir)) return undefined;
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** True when both snapshots hold the same paths with the same bytes. */
export function sameContent(a: Map<string, Buffer> | undefined, b: Map<string, Buffer> | undefined): boolean {
  if (!a || !b || a.size !== b.size) return false;
  for (const [path, bytes] of a) if (!b.get(path)?.equals(bytes)) return false;
  return true;
}

/** The names beside `dir` in its parent folder, `dir` itself left out. */
export function besides(dir: string): string[] {
  return readdirSync(dirname(dir))
    .filter((n) => n !== basename(dir))
    .sort();
}
