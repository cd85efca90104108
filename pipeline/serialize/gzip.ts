// Compressed copies of the dumps. gzip's header may hold a time stamp, a file name and the
// operating system; zlib writes no name and a zero time, and the OS byte is pinned here, so
// that the same dump compresses to the same bytes on every platform (with the zlib Node
// bundles).

import { gzipSync } from 'node:zlib';

export const GZIP_LEVEL = 9;

/** RFC 1952's "unknown" operating system, instead of the platform zlib was built for. */
const OS_UNKNOWN = 255;
const OS_OFFSET = 9;

/** Pins the OS byte if it falls in `chunk`, a piece of gzip output that starts `offset` bytes into the stream. */
export function pinOperatingSystem(chunk: Uint8Array, offset: number): void {
  if (offset <= OS_OFFSET && OS_OFFSET < offset + chunk.length) chunk[OS_OFFSET - offset] = OS_UNKNOWN;
}

/**
 * One gzip member (RFC 1952 §2.2) of `bytes`. A gzip file may hold several members one after
 * the other, and gunzip gives back their contents joined: so each record's share of a dump is
 * compressed once, by the worker that makes it, and kept in the cache, and a dump's copy is
 * its members joined in the dump's order (pipeline/publish), never compressed whole again.
 */
export function gzipMember(bytes: Uint8Array): Buffer {
  const member = gzipSync(bytes, { level: GZIP_LEVEL });
  pinOperatingSystem(member, 0);
  return member;
}
