// Reading and decoding of source bytes. A maintainer's file may hold anything, so bytes are
// checked before any parser sees them: what the path is, size, UTF-8 validity, NUL bytes and
// other control characters; text is normalised to NFC so that a name typed in NFD builds
// exactly like its NFC twin.

import { readFileSync, statSync } from 'node:fs';
import { error, type Diagnostic } from '../diagnostics.ts';

export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type Decoded = { text: string } | { diagnostic: Diagnostic };

/**
 * The bytes of the source at `path` (`file` is how diagnostics name it). Only a regular file
 * within the size limit is read: a symbolic link to /dev/zero, a pipe or a huge file must not
 * hang the build or fill its memory.
 */
export function readSource(path: string, file: string): { bytes: Buffer } | { diagnostic: Diagnostic } {
  const at = { file, line: 1, column: 1 };
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { diagnostic: error('unreadable-file', 'this is not a regular file', at) };
    if (stat.size > MAX_SOURCE_BYTES) return { diagnostic: tooLarge(stat.size, at) };
    return { bytes: readFileSync(path) };
  } catch (e) {
    return { diagnostic: error('unreadable-file', (e as Error).message, at) };
  }
}

const tooLarge = (bytes: number, at: { file: string; line: number; column: number }) =>
  error('file-too-large', `the file has ${bytes} bytes; the limit is ${MAX_SOURCE_BYTES}`, at);

export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { diagnostic: error('empty-file', 'the file is empty', { file, line: 1, column: 1 }) };
  if (bytes.length > MAX_SOURCE_BYTES) return { diagnostic: tooLarge(bytes.length, { file, line: 1, column: 1 }) };
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) return { diagnostic: error('invalid-utf8', 'the file is not valid UTF-8', { file, ...bytePosition(bytes, bad) }) };
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { diagnostic: error('nul-byte', 'the file contains a NUL byte', { file, ...lineColumn(text, nul) }) };
  // Controls other than tab and line ends are invisible in an editor and never part of a
  // printed name; YAML 1.2 does not allow them either.
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { diagnostic: error('control-character', `the file contains the control character U+${code}`, { file, ...lineColumn(text, control.index) }) };
  }
  return { text: text.normalize('NFC') };
}

const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence (Unicode table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1. One pass, so that a large
 * hostile file costs no more than a valid one.
 */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Line and column (UTF-16 code units, like the YAML parser's) of a byte offset whose prefix is valid UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const lineStart = offset > 0 ? bytes.lastIndexOf(0x0a, offset - 1) + 1 : 0;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < lineStart; i = bytes.indexOf(0x0a, i + 1)) line++;
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1 };
}
