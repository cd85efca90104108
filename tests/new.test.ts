// `iscm new mechanism <slug>`: the scaffold has every field of the mechanism schema; as written it
// fails exactly at the values a maintainer must fill; filled, it passes every stage; with every
// commented block uncommented too, it still does. The command refuses unsafe slugs and never
// overwrites a file.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mechanismScaffold } from '../pipeline/cli/new.ts';
import { mechanismSchema } from '../pipeline/validate/schemas.ts';
import { iscm } from './helpers/iscm.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages } from './helpers/project.ts';

afterAll(removeProjects);

const SLUG = 'example-dialogue';
const FILE = `sources/mechanisms/${SLUG}.yaml`;
const scaffold = mechanismScaffold(SLUG);

const fill = (text: string) => text.replace(/""/g, '"https://example.org/filled-in"');
/** What a maintainer gets by removing the leading "# " of every line of the record. */
function uncommentAll(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('id: '));
  return lines.map((l, i) => (i > start ? l.replace(/^# /, '') : l)).join('\n');
}

/** Every property path of a JSON Schema, `[]` standing for the items of a list. */
function schemaPaths(schema: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>))
    out.push(`${prefix}${key}`, ...schemaPaths(sub, `${prefix}${key}.`));
  if (schema.items) out.push(...schemaPaths(schema.items as Record<string, unknown>, `${prefix}[].`));
  for (const branch of (schema.oneOf ?? []) as Record<string, unknown>[]) out.push(...schemaPaths(branch, prefix));
  return out;
}

function hasPath(value: unknown, path: string[]): boolean {
  if (!path.length) return true;
  const [head, ...rest] = path;
  if (head === '[]') return Array.isArray(value) && value.some((v) => hasPath(v, rest));
  return typeof value === 'object' && value !== null && head in value && hasPath((value as Record<string, unknown>)[head], rest);
}

/** The scaffold alone, with the one mechanism its example names in \`related\`. */
function stagesOf(text: string) {
  const gfmd = readFileSync(join(PROJECT_ROOT, 'sources/mechanisms/gfmd.yaml'));
  return runStages(makeProject({ remove: ['sources/mechanisms'], files: { [FILE]: text, 'sources/mechanisms/gfmd.yaml': gfmd } }));
}

describe('the mechanism scaffold', () => {
  it('names its schema and its id on the lines editors and the build read', () => {
    expect(scaffold.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/mechanism.schema.json');
    expect(parse(scaffold).id).toBe(SLUG);
  });

  it('has every field of the mechanism schema, once its blocks are uncommented', () => {
    const record = parse(uncommentAll(scaffold));
    const missing = schemaPaths(mechanismSchema).filter((p) => !hasPath(record, p.split('.')));
    expect(missing).toEqual([]);
  });

  it('as written, fails exactly at the "" values to fill', () => {
    const placeholders = scaffold
      .split('\n')
      .map((line, i) => ({ line: i + 1, column: line.startsWith('#') ? 0 : line.indexOf('""') + 1 }))
      .filter((p) => p.column > 0);
    expect(placeholders.length).toBe(3);
    const result = stagesOf(scaffold);
    expect(result.stage).toBe('validate');
    const at = result.diagnostics.map((d) => ({ line: d.line, column: d.column })).sort((a, b) => a.line! - b.line!);
    expect(at).toEqual(placeholders);
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(['empty-value', 'bad-format']));
  });

  it('with the "" values filled, passes every stage', () => {
    const result = stagesOf(fill(scaffold));
    expect(result.diagnostics).toEqual([]);
    expect(result.stage).toBe('done');
  });

  it('with every example block uncommented as well, passes every stage', () => {
    const result = stagesOf(fill(uncommentAll(scaffold)));
    expect(result.diagnostics).toEqual([]);
    expect(result.stage).toBe('done');
    const graph = result.graphs!.find((g) => g.key === `process/${SLUG}`)!;
    expect(graph.quads.some((q) => q.predicate.value === 'http://www.w3.org/ns/org#member')).toBe(true);
  });
});

describe.concurrent('iscm new', () => {
  it('writes the scaffold, prints its path, and refuses to overwrite it', async () => {
    const root = makeProject();
    const made = await iscm(root, ['new', 'mechanism', SLUG]);
    expect(made.status).toBe(0);
    expect(made.stdout.trim()).toBe(FILE);
    expect(readFileSync(join(root, FILE), 'utf8')).toBe(scaffold);

    writeFileSync(join(root, FILE), 'edited by a maintainer\n');
    const again = await iscm(root, ['new', 'mechanism', SLUG]);
    expect(again.status).toBe(2);
    expect(readFileSync(join(root, FILE), 'utf8')).toBe('edited by a maintainer\n');
  });

  const root = makeProject();
  it.each([['Bad_Slug'], ['../escape'], ['']])('refuses the slug %j with a usage error', async (slug) => {
    const result = await iscm(root, ['new', 'mechanism', slug]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/iscm new --help/);
    expect(existsSync(join(root, 'sources/mechanisms', `${slug}.yaml`))).toBe(false);
  });

  it('refuses a kind of record it cannot scaffold, and a missing slug', async () => {
    expect((await iscm(root, ['new', 'organisation', 'iom'])).status).toBe(2);
    expect((await iscm(root, ['new', 'mechanism'])).status).toBe(2);
  });
});
