// Every value of the sources that becomes part of an IRI or a language tag is refused, with a
// located diagnostic, before it can: slugs and source ids, page URLs, language tags, country
// table codes, unresolved names, file names. The sweeps run over every place of such a value in
// tests/fixtures/valid/maximal.yaml, a record that uses every key of the mechanism schema, so
// that a key added to the schema is swept as soon as the fixture uses it (the first test fails
// until it does). Codes and locations are asserted, never wording.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../pipeline/diagnostics.ts';
import { DEFAULT_BASE } from '../pipeline/iri.ts';
import { parseCsv, parseTsv } from '../pipeline/load/delimited.ts';
import type { LoadedProject } from '../pipeline/load/index.ts';
import { locate, parseYaml } from '../pipeline/load/yaml.ts';
import { mechanismSchema, SLUG_PATTERNS } from '../pipeline/validate/schemas.ts';
import { validate } from '../pipeline/validate/index.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages } from './helpers/project.ts';
import { projectWithoutMechanisms, runFiles } from './helpers/records.ts';

const MAXIMAL = readFileSync(new URL('./fixtures/valid/maximal.yaml', import.meta.url), 'utf8');
const FILE = 'sources/mechanisms/maximal.yaml';

type Path = (string | number)[];
interface SchemaNode {
  type?: string | string[];
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
}

/** Every key path of a schema, with `[]` for array items, and the schema of its value. */
function schemaPaths(s: SchemaNode, prefix = '', out = new Map<string, SchemaNode>()): Map<string, SchemaNode> {
  for (const branch of s.oneOf ?? []) schemaPaths(branch, prefix, out);
  if (s.items) schemaPaths(s.items, `${prefix}[]`, out);
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    out.set(`${prefix}.${k}`, v);
    schemaPaths(v, `${prefix}.${k}`, out);
  }
  return out;
}

/** Every path in a value, down to its scalars. */
function valuePaths(v: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(v)) return [prefix, ...v.flatMap((x, i) => valuePaths(x, [...prefix, i]))];
  if (v && typeof v === 'object') return [prefix, ...Object.entries(v).flatMap(([k, x]) => valuePaths(x, [...prefix, k]))];
  return [prefix];
}

const generic = (p: Path) => p.map((s) => (typeof s === 'number' ? '[]' : `.${s}`)).join('');

const SCHEMA = schemaPaths(mechanismSchema as SchemaNode);
const RECORD = parseYaml(FILE, MAXIMAL).source!.value;
const PATHS = valuePaths(RECORD).filter((p) => p.length > 0);

/** The maximal record with the value at `path` replaced. */
function withValue(path: Path, value: unknown): string {
  const doc = parseDocument(MAXIMAL);
  doc.setIn(path, value);
  return doc.toString();
}

/** Where the value at `path` stands in `text`. */
function at(text: string, path: Path, key = false) {
  return locate(parseYaml(FILE, text).source!, path, key);
}

const where = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, column: d.column });

/**
 * Pairs to sweep: every path with the first `few` values, and every value at some path, so
 * that each path and each value is tried without running every pair.
 */
function sweep<T>(paths: Path[], values: T[], few = 4): [Path, T][] {
  const pairs: [Path, T][] = paths.flatMap((p) => values.slice(0, few).map((v) => [p, v] as [Path, T]));
  values.slice(few).forEach((v, i) => pairs.push([paths[i % paths.length], v]));
  return pairs;
}

let base: LoadedProject;
beforeAll(() => {
  base = projectWithoutMechanisms();
});
afterAll(removeProjects);

async function expectRefused(text: string, code: string, path: Path, key = false) {
  const run = await runFiles(base, { [FILE]: text });
  expect(run.stage).not.toBe('done');
  expect(run.diagnostics.map(where)).toContainEqual({ code, ...at(text, path, key) });
}

describe('tests/fixtures/valid/maximal.yaml', () => {
  it('is valid and uses every key of the mechanism schema', async () => {
    const run = await runFiles(base, { [FILE]: MAXIMAL }, true);
    expect(run.diagnostics).toEqual([]);
    const used = new Set(PATHS.map(generic));
    for (const path of SCHEMA.keys()) expect(used.has(path), `maximal.yaml does not use ${path}`).toBe(true);
  });
});

describe('language tags', () => {
  const tagPaths = PATHS.filter((p) => p.at(-1) === 'lang' || p.at(-1) === 'language');
  const MALFORMED = ['FR', 'En', 'fr-FR', 'fr_FR', 'fr-', '-fr', 'french', 'français', '', ' fr', 'fr\u00a0', 'f', 'fra', '*', 'i-klingon', 'x-private', 'fr\u0301'];

  it('are swept at every place the schema has one', () => {
    const inSchema = [...SCHEMA].filter(([p, s]) => /\.(lang|language)$/.test(p) && s.enum).map(([p]) => p);
    expect(new Set(tagPaths.map(generic))).toEqual(new Set(inSchema));
    expect(tagPaths.length).toBeGreaterThanOrEqual(15);
  });

  it('a malformed or unknown tag is unknown-value at the tag, wherever it stands', async () => {
    for (const [path, tag] of sweep(tagPaths, MALFORMED)) await expectRefused(withValue(path, tag), 'unknown-value', path);
  });

  it('a tag that is not a string is wrong-type at the tag', async () => {
    for (const [path, tag] of sweep(tagPaths, [1, true, null, ['fr']], 1)) await expectRefused(withValue(path, tag), 'wrong-type', path);
  });

  it('a malformed tag as a key of a name map is unknown-key at the key', async () => {
    for (const key of ['EN', 'en-GB', 'en_GB', 'english', 'e n']) {
      const text = MAXIMAL.replace('  en: Maximal Test Dialogue', `  ${JSON.stringify(key)}: Maximal Test Dialogue`);
      expect(text).not.toBe(MAXIMAL);
      await expectRefused(text, 'unknown-key', ['name', key], true);
    }
  });

  it('a malformed tag in the reference data is refused too', async () => {
    const alias = '- name: Confoederatio Helvetica\n  lang: la\n  kind: state\n  target: CHE\n  reason: test\n';
    const aliasRun = await runFiles(base, { 'sources/reference/aliases/zz-test.yaml': alias });
    expect(aliasRun.diagnostics.map(where)).toContainEqual({ code: 'unknown-value', file: 'sources/reference/aliases/zz-test.yaml', line: 2, column: 9 });
    const org = '- id: zz-test\n  names:\n    en-GB: Test Organisation\n';
    const orgRun = await runFiles(base, { 'sources/reference/organizations/zz-test.yaml': org });
    expect(orgRun.diagnostics.map(where)).toContainEqual({ code: 'unknown-key', file: 'sources/reference/organizations/zz-test.yaml', line: 3, column: 5 });
  });

  it('only fr, en and es tags reach the published dumps', () => {
    const tags = readFileSync(join(PROJECT_ROOT, 'output/iscm.nt'), 'utf8').match(/"@[^ ]+ \.$/gm) ?? [];
    expect(tags.length).toBeGreaterThan(1000);
    expect(new Set(tags.map((t) => t.slice(2, -2)))).toEqual(new Set(['fr', 'en', 'es']));
  });
});

describe('slugs and source ids, which become IRI path segments', () => {
  const slugPaths = PATHS.filter((p) => {
    const s = SCHEMA.get(generic(p)) ?? SCHEMA.get(generic(p.slice(0, -1)))?.items;
    return s?.pattern !== undefined && SLUG_PATTERNS.includes(s.pattern);
  });
  const UNSAFE = ['A/B', '../x', 'a/../b', 'a b', '<script>alert(1)</script>', 'a%2Fb', 'é', 'a--b', '-a', 'a-', '', 'a?b', 'a#b', '.', '..', 'a_b', 'a.b', 'a\u200bb', '\u0430'];

  it('are swept at every place the schema has one, source lists included', () => {
    const kinds = new Set(slugPaths.map(generic));
    for (const k of ['.id', '.sources[].id', '.type[].concept', '.outcomes[].document', '.related[].mechanism', '.themes[].items[].concept', '.participants[].part', '.meetings[].id', '.meetings[].type', '.documents[].id', '.meetings[].source[]'])
      expect(kinds.has(k), k).toBe(true);
  });

  it('an unsafe value is invalid-slug at the value, wherever it stands', async () => {
    for (const [path, value] of sweep(slugPaths, UNSAFE)) await expectRefused(withValue(path, value), 'invalid-slug', path);
  });

  it('two source ids that differ only in case are duplicate-id: their IRIs would be one', async () => {
    const text = withValue(['sources', 1, 'id'], 'MAIN');
    await expectRefused(text, 'duplicate-id', ['sources', 1, 'id']);
  });
});

describe('page URLs, which are published as IRIs', () => {
  const UNSAFE = [
    'https://example.org/<script>',
    'https://example.org/a b',
    'https://example.org/"onmouseover="x',
    'https://example.org/{a}',
    'https://example.org/a\\b',
    'https://example.org/a^b',
    'https://example.org/a`b',
    'https://example.org/a|b',
    'https://example.org/%zz',
    'https://example.org/a\u00a0b',
    'https:///example.org',
    'https://',
    'javascript:alert(1)',
    'ftp://example.org/',
    'example.org/x',
  ];

  it('an unsafe URL is bad-format at the URL', async () => {
    for (const [path, url] of sweep([['sources', 0, 'url'], ['sources', 1, 'url']], UNSAFE)) await expectRefused(withValue(path, url), 'bad-format', path);
  });

  it('a URL with a query, an escape and a non-ASCII letter is kept as it is', async () => {
    const url = 'https://example.org/ré?a=1&b=%C3%A9#top';
    const run = await runFiles(base, { [FILE]: withValue(['sources', 1, 'url'], url) });
    expect(run.diagnostics).toEqual([]);
    expect(run.triples!.some((q) => q.object.termType === 'NamedNode' && q.object.value === url)).toBe(true);
  });
});

describe('every IRI published', () => {
  // RFC 3987: no spaces, controls or <>"{}|\^`; below the base, no empty, "." or ".." segment but a last empty one.
  const unsafe = (iri: string) =>
    /[\s<>"{}|\\^`\u0000-\u001f\u007f-\u009f]/u.test(iri) ||
    (iri.startsWith(DEFAULT_BASE) &&
      iri
        .slice(DEFAULT_BASE.length)
        .split('/')
        .some((s, i, all) => (s === '' && i < all.length - 1) || s === '.' || s === '..' || !/^[A-Za-z0-9._:#-]*$/.test(s)));

  it('is safe in the maximal record', async () => {
    const run = await runFiles(base, { [FILE]: MAXIMAL });
    const iris = run.triples!.flatMap((q) => [q.subject, q.predicate, q.object]).filter((t) => t.termType === 'NamedNode').map((t) => t.value);
    expect(iris.length).toBeGreaterThan(100);
    expect(iris.filter(unsafe)).toEqual([]);
  });

  it('is safe in the committed dumps', () => {
    const iris = readFileSync(join(PROJECT_ROOT, 'output/iscm.nt'), 'utf8').match(/<[^>]*>/g)!.map((t) => t.slice(1, -1));
    expect(iris.length).toBeGreaterThan(10_000);
    expect(iris.filter(unsafe)).toEqual([]);
  });
});

describe('names listed as unresolved, which become id:agent/{slug}', () => {
  const alias = (name: string) => `- name: ${JSON.stringify(name)}\n  lang: en\n  kind: state\n  unresolved: a test name\n`;

  it('a name with nothing to make a slug from is invalid-slug at the name', async () => {
    for (const name of ['???', '中国', '—']) {
      const run = await runFiles(base, { 'sources/reference/aliases/zz-test.yaml': alias(name) });
      expect(run.diagnostics.map(where)).toContainEqual({ code: 'invalid-slug', file: 'sources/reference/aliases/zz-test.yaml', line: 1, column: 9 });
    }
  });

  it('two names that would share one agent IRI are duplicate-id at the second, across files', async () => {
    const run = await runFiles(base, {
      'sources/reference/aliases/zz-a.yaml': alias('Groupe A'),
      'sources/reference/aliases/zz-b.yaml': alias('Groupe-A'),
    });
    expect(run.diagnostics.map(where)).toEqual([{ code: 'duplicate-id', file: 'sources/reference/aliases/zz-b.yaml', line: 1, column: 9 }]);
  });

  it('the same name listed twice is one agent, not a collision', async () => {
    const run = await runFiles(base, { 'sources/reference/aliases/zz-a.yaml': alias('Groupe A') + alias('Groupe A') });
    expect(run.diagnostics).toEqual([]);
  });
});

describe('the country table, whose codes become id:state/{alpha-3} and id:m49/{code}', () => {
  const csvText = readFileSync(join(PROJECT_ROOT, 'sources/reference/countries.csv'), 'utf8');
  const tsvText = readFileSync(join(PROJECT_ROOT, 'sources/reference/country-corrections.tsv'), 'utf8');
  const lineOf = (code: string) => parseCsv(csvText).find((r) => r.cells['ISO3166-1-Alpha-3'] === code)!.line;
  /** The table with one cell of the row of `alpha3` changed. */
  const changed = (alpha3: string, column: string, value: string): LoadedProject['countries'] => ({
    file: base.countries.file,
    rows: parseCsv(csvText).map((r) => (r.cells['ISO3166-1-Alpha-3'] === alpha3 ? { ...r, cells: { ...r.cells, [column]: value } } : r)),
  });
  const diagnosticsOf = (p: Partial<LoadedProject>) => validate({ ...base, ...p }).diagnostics.map(where);
  const csv = 'sources/reference/countries.csv';
  const tsv = 'sources/reference/country-corrections.tsv';

  it('is accepted as it is', () => {
    expect(diagnosticsOf({})).toEqual([]);
  });

  it('an alpha-3 code or an M49 code that is not one is bad-format on its row', () => {
    for (const [column, value] of [
      ['ISO3166-1-Alpha-3', 'C/E'],
      ['ISO3166-1-Alpha-3', 'che'],
      ['ISO3166-1-Alpha-3', 'CHEE'],
      ['M49', '756/'],
      ['Region Code', '1 5'],
      ['Sub-region Code', '../155'],
      ['Intermediate Region Code', 'x'],
      ['Global Code', '0001'],
    ])
      expect(diagnosticsOf({ countries: changed('CHE', column, value) }), `${column} ${value}`).toContainEqual({ code: 'bad-format', file: csv, line: lineOf('CHE'), column: 1 });
  });

  it('an alpha-3 code given twice is duplicate-id on the second row', () => {
    expect(diagnosticsOf({ countries: changed('FRA', 'ISO3166-1-Alpha-3', 'CHE') })).toContainEqual({
      code: 'duplicate-id',
      file: csv,
      line: Math.max(lineOf('CHE'), lineOf('FRA')),
      column: 1,
    });
  });

  it('a correction must name a country and a column, and must not make a bad code', () => {
    const corrections = (row: string) => ({ file: tsv, rows: parseTsv(`${tsvText.trimEnd()}\n${row}\n`) });
    const last = tsvText.trimEnd().split('\n').length + 1;
    expect(diagnosticsOf({ corrections: corrections('XXX\twikidata_id\tQ1\ttest') })).toEqual([{ code: 'missing-reference', file: tsv, line: last, column: 1 }]);
    expect(diagnosticsOf({ corrections: corrections('CHE\tno such column\tQ1\ttest') })).toEqual([{ code: 'unknown-key', file: tsv, line: last, column: 1 }]);
    expect(diagnosticsOf({ corrections: corrections('CHE\tRegion Code\t<x>\ttest') })).toEqual([{ code: 'bad-format', file: csv, line: lineOf('CHE'), column: 1 }]);
  });
});

describe('file names, which the build description turns into IRIs', () => {
  it('a reference file whose name is not made of a-z, 0-9, "-" and "." is invalid-file-name', async () => {
    for (const name of ['Batch C.yaml', '<b>.yaml', 'é.yaml', '.hidden.yaml', 'a..yaml']) {
      const file = `sources/reference/aliases/${name}`;
      const run = await runFiles(base, { [file]: '- name: Test\n  lang: en\n  kind: state\n  target: CHE\n  reason: test\n' });
      expect(run.diagnostics.map(where), name).toContainEqual({ code: 'invalid-file-name', file, line: 1, column: 1 });
    }
  });

  it('a file with an upper-case extension is read and refused, not skipped', () => {
    const root = makeProject({ files: { 'sources/reference/places/EXTRA.YAML': '- id: x\n  names: {en: X}\n  country: CHE\n' } });
    const result = runStages(root);
    expect(result.diagnostics.map(where)).toContainEqual({ code: 'invalid-file-name', file: 'sources/reference/places/EXTRA.YAML', line: 1, column: 1 });
  });
});
