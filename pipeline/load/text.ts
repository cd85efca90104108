// Decoding of source bytes. A maintainer's file may hold anything, so bytes are checked
// before any parser sees them: size, UTF-8 validity, NUL bytes; text is normalised to NFC
// so that a name typed in NFD builds exactly like its NFC twin.

import { error, type Diagnostic } from '../diagnostics.ts';

export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type Decoded = { text: string } | { diagnostic: Diagnostic };

export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { diagnostic: error('empty-file', 'the file is empty', { file, line: 1, column: 1 }) };
  if (bytes.length > MAX_SOURCE_BYTES) {
    return {
      diagnostic: error('file-too-large', `the file has ${bytes.length} bytes; the limit is ${MAX_SOURCE_BYTES}`, {
        file,
        line: 1,
        column: 1,
      }),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { diagnostic: error('invalid-utf8', 'the file is not valid UTF-8', { file, ...positionOfBadUtf8(bytes) }) };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { diagnostic: error('nul-byte', 'the file contains a NUL byte', { file, ...lineColumn(text, nul) }) };
  return { text: text.normalize('NFC') };
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function positionOfBadUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Decode growing prefixes line by line: the first line that fails holds the bad byte.
  let line = 1;
  let lineStart = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(lineStart, i));
      } catch {
        return { line, column: firstBadColumn(bytes.subarray(lineStart, i)) };
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line: 1, column: 1 };
}

function firstBadColumn(lineBytes: Uint8Array): number {
  // Feed one byte at a time: `good` ends the last complete character, so the bad sequence
  // starts there, whether a later byte breaks it or the line ends inside it.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let good = 0;
  for (let i = 0; i < lineBytes.length; i++) {
    try {
      if (decoder.decode(lineBytes.subarray(i, i + 1), { stream: true })) good = i + 1;
    } catch {
      break;
    }
  }
  return new TextDecoder().decode(lineBytes.subarray(0, good)).length + 1;
}
