// Stage 1, load: source bytes (pipeline/load/text.ts), YAML (yaml.ts) and the country tables
// (delimited.ts). Codes and locations are asserted, never message wording.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../pipeline/diagnostics.ts';
import { parseCsv, parseTsv } from '../pipeline/load/delimited.ts';
import { decodeSource, MAX_SOURCE_BYTES } from '../pipeline/load/text.ts';
import { locate, MAX_DEPTH, MAX_YAML_TOKENS, parseYaml } from '../pipeline/load/yaml.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages } from './helpers/project.ts';

afterAll(removeProjects);

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

function diagnosticOf(file: string, b: Uint8Array): Diagnostic {
  const d = decodeSource(file, b);
  if (!('diagnostic' in d)) throw new Error(`expected a diagnostic, got text ${JSON.stringify(d.text.slice(0, 40))}`);
  return d.diagnostic;
}
const where = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, column: d.column });

describe('decodeSource', () => {
  it('refuses an empty file at 1:1', () => {
    expect(where(diagnosticOf('a.yaml', new Uint8Array()))).toEqual({ code: 'empty-file', file: 'a.yaml', line: 1, column: 1 });
  });

  it('refuses a file over the size limit, and accepts one at the limit', () => {
    const big = Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61);
    expect(where(diagnosticOf('a.yaml', big))).toEqual({ code: 'file-too-large', file: 'a.yaml', line: 1, column: 1 });
    const atLimit = decodeSource('a.yaml', big.subarray(0, MAX_SOURCE_BYTES));
    expect('text' in atLimit && atLimit.text.length).toBe(MAX_SOURCE_BYTES);
  });

  // Columns count UTF-16 code units, 1-based, like the YAML parser's positions.
  it.each([
    ['a stray byte', bytes('id: x\nname: ab', [0xff], 'cd\n'), 2, 9],
    ['a bad byte on the first line', bytes([0xff], 'id: x\n'), 1, 1],
    ['a bad byte after a two-byte character', bytes('id: x\nname: éx', [0xff], '\n'), 2, 9],
    ['a bad byte after a four-byte character', bytes('id: x\nname: 😀', [0xff], '\n'), 2, 9],
    ['a lead byte followed by ASCII', bytes('id: x\nname: ab', [0xc3], 'Z\n'), 2, 9],
    ['a sequence cut by the end of the line', bytes('id: x\nname: Caf', [0xc3], '\nnext: 1\n'), 2, 10],
    ['a sequence cut by the end of the file', bytes('id: x\nname: Caf', [0xc3]), 2, 10],
    ['an overlong encoding', bytes('ab', [0xc0, 0xaf], '\n'), 1, 3],
    ['an encoded surrogate', bytes('a', [0xed, 0xa0, 0x80], '\n'), 1, 2],
    ['a bad byte on a CRLF line', bytes('id: x\r\nname: ab', [0xff], '\r\n'), 2, 9],
    ['a bad byte on a later line', bytes('a: 1\nb: 2\nc: 3\nd: ', [0xfe], '\n'), 4, 4],
  ])('locates invalid UTF-8: %s', (_, b, line, column) => {
    expect(where(diagnosticOf('a.yaml', b))).toEqual({ code: 'invalid-utf8', file: 'a.yaml', line, column });
  });

  it('locates a NUL byte', () => {
    expect(where(diagnosticOf('a.yaml', bytes('id: x\nname: é\u0000\n')))).toEqual({ code: 'nul-byte', file: 'a.yaml', line: 2, column: 8 });
    expect(where(diagnosticOf('a.yaml', bytes([0])))).toEqual({ code: 'nul-byte', file: 'a.yaml', line: 1, column: 1 });
  });

  it('normalises text to NFC and drops a byte order mark', () => {
    const nfd = 'Ame\u0301rique, Pe\u0301rou, C\u0327a';
    const d = decodeSource('a.yaml', bytes([0xef, 0xbb, 0xbf], `name: ${nfd}\n`));
    expect(d).toEqual({ text: `name: ${nfd.normalize('NFC')}\n` });
    expect('text' in d && d.text).toBe('name: Amérique, Pérou, Ça\n');
  });
});

describe('parseYaml', () => {
  const codes = (text: string) => parseYaml('f.yaml', text).diagnostics.map(where);
  const first = (text: string) => codes(text)[0];
  const at = (code: string, line: number, column: number) => ({ code, file: 'f.yaml', line, column });

  it('parses a valid document with positions and no diagnostics', () => {
    const r = parseYaml('f.yaml', 'id: x\nname:\n  en: X\nyear: 2004\ndate: 2004-12-16\n');
    expect(r.diagnostics).toEqual([]);
    // YAML 1.2 core schema: a date stays a string.
    expect(r.source?.value).toEqual({ id: 'x', name: { en: 'X' }, year: 2004, date: '2004-12-16' });
    expect(locate(r.source!, ['name', 'en'])).toEqual({ file: 'f.yaml', line: 3, column: 7 });
    expect(locate(r.source!, ['name', 'en'], true)).toEqual({ file: 'f.yaml', line: 3, column: 3 });
    // A path that does not exist falls back to its nearest ancestor: here the map under name.
    expect(locate(r.source!, ['name', 'fr'])).toEqual({ file: 'f.yaml', line: 3, column: 3 });
  });

  it('yaml-syntax: tab indentation, at the tab', () => {
    expect(first('id: x\nname:\n\ten: X\n')).toEqual(at('yaml-syntax', 3, 1));
  });

  it('yaml-syntax: an unclosed quote, where the parser finds it missing (the end of the file)', () => {
    expect(codes('id: x\nname:\n  en: "X\n  fr: Y\n')).toEqual([at('yaml-syntax', 5, 1)]);
    expect(codes("id: x\nname:\n  en: 'X\n")).toEqual([at('yaml-syntax', 4, 1)]);
  });

  it('yaml-syntax: bad indentation', () => {
    expect(first('a:\n  b: 1\n c: 2\n')).toEqual(at('yaml-syntax', 3, 1));
  });

  it('duplicate-key, at the second key', () => {
    expect(codes('id: x\nname:\n  en: X\n  en: Y\n')).toEqual([at('duplicate-key', 4, 3)]);
  });

  it('multiple-documents, at the second document', () => {
    expect(codes('id: x\n---\nid: y\n')).toEqual([at('multiple-documents', 2, 1)]);
  });

  it('alias-not-allowed, at the first alias, even an undefined one', () => {
    expect(codes('a: &s [x]\nb: *s\n')).toEqual([at('alias-not-allowed', 2, 4)]);
    expect(codes('a: *nowhere\n')).toEqual([at('alias-not-allowed', 1, 4)]);
  });

  it('alias-not-allowed for a billion laughs, without expanding it', () => {
    const laughs =
      'lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n' +
      Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]\n`).join('');
    const r = parseYaml('f.yaml', laughs);
    expect(r.source).toBeUndefined();
    expect(r.diagnostics.map(where)).toEqual([at('alias-not-allowed', 2, 12)]);
  });

  it('merge-key, at the key, with or without an alias', () => {
    expect(codes('a:\n  <<: {lang: en}\n  b: 1\n')).toEqual([at('merge-key', 2, 3)]);
    expect(codes('base: &b {lang: en}\na:\n  <<: *b\n')).toEqual([at('merge-key', 3, 3)]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('forbidden-key: %s', (key) => {
    const r = parseYaml('f.yaml', `a:\n  ${key}: {polluted: true}\n`);
    expect(r.source).toBeUndefined();
    expect(r.diagnostics.map(where)).toEqual([at('forbidden-key', 2, 3)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('complex-key, at the key', () => {
    expect(codes('? [a, b]\n: 1\n')).toEqual([at('complex-key', 1, 3)]);
  });

  it(`too-deep, at the first node deeper than ${MAX_DEPTH} levels, for flow and block nesting`, () => {
    const flow = (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(codes(flow(MAX_DEPTH))).toEqual([]);
    expect(codes(flow(MAX_DEPTH + 1))).toEqual([at('too-deep', 1, 4 + MAX_DEPTH)]);
    // Deep, but within the token budget (two tokens a level), so that depth is what is reported.
    expect(codes(flow(MAX_YAML_TOKENS / 4))).toEqual([at('too-deep', 1, 4 + MAX_DEPTH)]);
    const block = (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`;
    // The map on line k is at depth k - 1, and the scalar 1 at the end of line n at depth n.
    expect(codes(block(MAX_DEPTH))).toEqual([]);
    expect(codes(block(MAX_DEPTH + 1))).toEqual([at('too-deep', MAX_DEPTH + 1, MAX_DEPTH + 4)]);
    expect(codes(block(MAX_DEPTH + 2))).toEqual([at('too-deep', MAX_DEPTH + 2, MAX_DEPTH + 2)]);
    expect(codes(block(1500))).toEqual([at('too-deep', MAX_DEPTH + 2, MAX_DEPTH + 2)]);
  });
});

describe('NFD sources', () => {
  const record = (form: 'NFC' | 'NFD') =>
    readFileSync(new URL('./fixtures/valid/minimal.yaml', import.meta.url), 'utf8')
      .replace("fr: Dialogue d'essai minimal", 'fr: Dialogue élémentaire de Genève')
      .replace('      - Chili\n', '      - Pérou\n      - Équateur\n')
      .replace('declared_count: 2', 'declared_count: 3')
      .normalize(form);
  const quadsOf = (form: 'NFC' | 'NFD') => {
    const root = makeProject({ remove: ['sources/mechanisms'], files: { 'sources/mechanisms/minimal.yaml': record(form) } });
    const r = runStages(root);
    expect(r.diagnostics).toEqual([]);
    return r.graphs!.flatMap((g) => g.quads.map((q: Quad) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`)).sort();
  };

  it('build exactly the same quads as their NFC twin', () => {
    expect(record('NFD')).not.toBe(record('NFC'));
    const nfc = quadsOf('NFC');
    const nfd = quadsOf('NFD');
    expect(nfd).toEqual(nfc);
    expect(nfc.some((q) => q.includes('"Dialogue élémentaire de Genève"@fr'))).toBe(true);
    expect(nfc.some((q) => q.includes('"Équateur"@fr'))).toBe(true);
  });
});

describe('parseCsv and parseTsv', () => {
  it('keeps commas and doubled quotes inside quotes', () => {
    const rows = parseCsv('a,b,c\n"x, y","say ""hi""",z\n');
    expect(rows).toEqual([{ line: 2, cells: { a: 'x, y', b: 'say "hi"', c: 'z' } }]);
  });

  it('keeps newlines inside quotes and numbers records by their first line', () => {
    const rows = parseCsv('a,b\n"one\ntwo",2\n3,"x\r\ny"\n5,6\n');
    expect(rows.map((r) => r.cells)).toEqual([
      { a: 'one\ntwo', b: '2' },
      { a: '3', b: 'x\r\ny' },
      { a: '5', b: '6' },
    ]);
    expect(rows.map((r) => r.line)).toEqual([2, 4, 6]);
  });

  it('reads CRLF line ends, a last line without a newline, and short rows', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3').map((r) => r.cells)).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '' },
    ]);
  });

  it('leaves every cell as text: "NA" stays "NA", empty stays empty, numbers keep their zeros', () => {
    const rows = parseCsv('alpha2,name,numeric,wikidata\nNA,Namibia,516,\nAF,Afghanistan,004,Q889\n');
    expect(rows[0].cells).toEqual({ alpha2: 'NA', name: 'Namibia', numeric: '516', wikidata: '' });
    expect(rows[1].cells.numeric).toBe('004');
    expect(parseTsv('alpha3\tvalue\nNAM\tNA\n\n').map((r) => r.cells)).toEqual([{ alpha3: 'NAM', value: 'NA' }]);
  });

  it('reads the real country table with Namibia\'s alpha-2 code "NA" and quoted multi-value cells', () => {
    const rows = parseCsv(readFileSync(join(PROJECT_ROOT, 'sources/reference/countries.csv'), 'utf8'));
    const nam = rows.find((r) => r.cells['ISO3166-1-Alpha-3'] === 'NAM')!;
    expect(nam.cells['ISO3166-1-Alpha-2']).toBe('NA');
    expect(nam.cells['ISO4217-currency_alphabetic_code']).toBe('NAD,ZAR');
    const header = Object.keys(rows[0].cells).length;
    for (const r of rows) expect(Object.keys(r.cells).length).toBe(header);
  });
});
