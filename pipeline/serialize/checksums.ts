// SHA-256 sums of what the build writes: the figures dataset.ttl publishes for each dump, and
// a SHA256SUMS file (the format `sha256sum --check` reads) that also covers dataset.ttl itself,
// which cannot hold its own checksum. Large files are hashed as publish writes them, so sums
// come as digests (size and hash), never from contents held whole.

import { createHash } from 'node:crypto';
import { cmp } from './order.ts';

export interface Digest {
  sha256: string;
  bytes: number;
}

export function digestOf(content: string | Uint8Array): Digest {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** One `{hex}  {path}` line per file, in code-point order of the path. */
export function sha256sums(files: ReadonlyMap<string, Digest>): string {
  return [...files.keys()]
    .sort(cmp)
    .map((path) => `${files.get(path)!.sha256}  ${path}\n`)
    .join('');
}
