// SHA-256 sums of what the build writes: the figures dataset.ttl publishes for each dump, and
// a SHA256SUMS file (the format `sha256sum --check` reads) that also covers dataset.ttl itself,
// which cannot hold its own checksum.

import { createHash } from 'node:crypto';
import { cmp } from './order.ts';

export type FileContent = string | Uint8Array;

export function bytesOf(content: FileContent): Uint8Array {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

export function sha256(content: FileContent): string {
  return createHash('sha256').update(bytesOf(content)).digest('hex');
}

/** One `{hex}  {path}` line per file, in code-point order of the path. */
export function sha256sums(files: ReadonlyMap<string, FileContent>): string {
  return [...files.keys()]
    .sort(cmp)
    .map((path) => `${sha256(files.get(path)!)}  ${path}\n`)
    .join('');
}
