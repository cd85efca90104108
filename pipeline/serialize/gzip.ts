// Compressed copies of the dumps. gzip's header may hold a time stamp, a file name and the
// operating system; zlib writes no name and a zero time, and the OS byte is pinned here, so
// that the same dump compresses to the same bytes on every platform (with the zlib Node bundles).

import { gzipSync } from 'node:zlib';
import { bytesOf, type FileContent } from './checksums.ts';

/** RFC 1952's "unknown" operating system, instead of the platform zlib was built for. */
const OS_UNKNOWN = 255;
const OS_OFFSET = 9;

export function gzip(content: FileContent): Uint8Array {
  const out = gzipSync(bytesOf(content), { level: 9 });
  out[OS_OFFSET] = OS_UNKNOWN;
  return out;
}
