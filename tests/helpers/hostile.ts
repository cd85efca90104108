// Hostile source files, each as large as the loader accepts (MAX_SOURCE_BYTES) unless the case
// is about the limit itself, and the code each must be refused with. Shared by
// tests/hostile-input.test.ts, which runs them under a memory cap, and bench/hostile-input.ts,
// which times them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_SOURCE_BYTES } from '../../pipeline/load/text.ts';
import { MAX_DEPTH, MAX_YAML_TOKENS } from '../../pipeline/load/yaml.ts';
import { PROJECT_ROOT } from './project.ts';

export interface HostileCase {
  name: string;
  /** The path, relative to the project root, the bytes are written to. */
  file: string;
  bytes: () => Buffer;
  /** The code of the first diagnostic. */
  code: string;
}

const MECHANISM = 'sources/mechanisms/hostile.yaml';
const COUNTRIES = 'sources/reference/countries.csv';

/** `head`, then `unit(i)` for i = 0, 1, … while the whole stays within `size` bytes with `tail`. */
function fill(head: string, unit: (i: number) => string, tail = '', size = MAX_SOURCE_BYTES): Buffer {
  const parts = [head];
  let length = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const u = unit(i);
    const n = Buffer.byteLength(u);
    if (length + n > size) break;
    parts.push(u);
    length += n;
  }
  parts.push(tail);
  return Buffer.from(parts.join(''), 'utf8');
}

/** A record head that is valid, so that what follows it is what gets refused. */
const RECORD = 'id: hostile\nname:\n  en: Hostile\nsources:\n  - id: main\n    url: https://example.org/\n    main: true\n';

/** About `tokens` YAML tokens' worth of `unit`, under the budget, for the cases that must reach the checks after it. */
const withinBudget = (head: string, unit: (i: number) => string, tokensPerUnit: number, tail = '') =>
  fill(head, unit, tail, Buffer.byteLength(head) + Buffer.byteLength(tail) + Math.floor((MAX_YAML_TOKENS * 0.9) / tokensPerUnit) * Buffer.byteLength(unit(0)));

export const HOSTILE_CASES: HostileCase[] = [
  { name: 'one byte over the size limit', file: MECHANISM, code: 'file-too-large', bytes: () => Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x20) },
  { name: 'a million keys', file: MECHANISM, code: 'too-complex', bytes: () => fill('', (i) => `k${i}: 1\n`) },
  { name: 'a million keys in one flow map', file: MECHANISM, code: 'too-complex', bytes: () => fill('{', (i) => `k${i}: 1, `, '}\n') },
  { name: 'one key repeated a million times', file: MECHANISM, code: 'too-complex', bytes: () => fill('', () => 'k: 1\n') },
  { name: 'a million aliases', file: MECHANISM, code: 'too-complex', bytes: () => fill('a: &a [x]\nb: [', () => '*a, ', '*a]\n') },
  {
    name: 'a billion laughs',
    file: MECHANISM,
    code: 'alias-not-allowed',
    bytes: () =>
      Buffer.from(
        `${RECORD}note0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n` +
          Array.from({ length: 9 }, (_, i) => `note${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]\n`).join(''),
      ),
  },
  { name: 'two million nested flow sequences', file: MECHANISM, code: 'too-complex', bytes: () => fill('a: ', () => '[') },
  {
    name: 'nesting by indentation, then a 4 MB scalar at the bottom',
    file: MECHANISM,
    code: 'too-deep',
    bytes: () => fill(`a:\n${Array.from({ length: 4 * MAX_DEPTH }, (_, i) => `${' '.repeat(i)}-`).join('\n')} `, () => 'x', '\n'),
  },
  { name: 'four million blank lines', file: MECHANISM, code: 'too-complex', bytes: () => fill('', () => '\n') },
  { name: 'an unclosed quote on every line', file: MECHANISM, code: 'too-complex', bytes: () => fill('', (i) => `k${i}: "x\n`) },
  { name: 'one string of 4 MB', file: MECHANISM, code: 'unknown-key', bytes: () => fill(`${RECORD}note: "`, () => 'é', '"\n') },
  { name: 'a bad byte at the end of a 4 MB line', file: MECHANISM, code: 'invalid-utf8', bytes: () => Buffer.concat([fill('a: ', () => 'x', '', MAX_SOURCE_BYTES - 1), Buffer.from([0xff])]) },
  { name: 'a NUL byte at the end of 4 MB', file: MECHANISM, code: 'nul-byte', bytes: () => Buffer.concat([fill('a: ', () => 'x', '', MAX_SOURCE_BYTES - 1), Buffer.from([0])]) },
  { name: 'a control character at the end of 4 MB', file: MECHANISM, code: 'control-character', bytes: () => Buffer.concat([fill('a: ', () => 'x', '', MAX_SOURCE_BYTES - 1), Buffer.from([0x1b])]) },
  {
    name: 'tens of thousands of entries of the wrong type, within the token budget',
    file: MECHANISM,
    code: 'wrong-type',
    bytes: () => withinBudget(`${RECORD}participants:\n  - role: member-state\n    lang: en\n    complete: false\n    source: [main]\n    listed: [`, () => '1, ', 4, '1]\n'),
  },
  {
    name: 'tens of thousands of unknown keys, within the token budget',
    file: MECHANISM,
    code: 'unknown-key',
    bytes: () => withinBudget(RECORD, (i) => `k${String(i).padStart(6, '0')}: 1\n`, 7),
  },
  {
    name: 'tens of thousands of repeated keys, within the token budget',
    file: MECHANISM,
    code: 'duplicate-key',
    bytes: () => withinBudget(RECORD, () => 'id: x\n', 7),
  },
  {
    name: 'tens of thousands of unclosed quotes, within the token budget',
    file: MECHANISM,
    code: 'yaml-syntax',
    bytes: () => withinBudget(RECORD, (i) => `k${String(i).padStart(6, '0')}: "x\n`, 7),
  },
  { name: 'a country table of blank lines', file: COUNTRIES, code: 'too-complex', bytes: () => fill('', () => '\n') },
  {
    name: 'a country table of empty cells',
    file: COUNTRIES,
    code: 'too-complex',
    bytes: () => {
      const header = readFileSync(join(PROJECT_ROOT, COUNTRIES), 'utf8').split('\n')[0];
      return fill(`${header}\n`, () => `${','.repeat(header.split(',').length - 1)}\n`);
    },
  },
  {
    name: 'a country table with a 4 MB code',
    file: COUNTRIES,
    code: 'bad-format',
    bytes: () => {
      const [header, ...rows] = readFileSync(join(PROJECT_ROOT, COUNTRIES), 'utf8').split('\n');
      const column = header.split(',').indexOf('ISO3166-1-Alpha-3');
      const row = `${','.repeat(column)}"`;
      const table = `${header}\n${rows.join('\n')}`;
      return fill(`${table}${row}`, () => 'X', '"\n');
    },
  },
];
