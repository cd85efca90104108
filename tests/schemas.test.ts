// The editor schemas: schemas/*.schema.json are what `make schemas` generates from the validator's
// own definitions; every source names the right one on its first line; every source validates
// against it with a fresh ajv, as an editor would; and each invalid fixture whose fault is a
// schema fault fails it, while faults only the later checks can see do not.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaFiles } from '../pipeline/cli/write-schemas.ts';
import { PROJECT_ROOT } from './helpers/project.ts';

const SCHEMA_DIR = join(PROJECT_ROOT, 'schemas');
const INVALID = join(PROJECT_ROOT, 'tests/fixtures/invalid');

/** Which schema each folder of sources/ uses. */
const SCHEMA_OF: Record<string, string> = {
  'sources/mechanisms': 'mechanism',
  'sources/reference/organizations': 'organizations',
  'sources/reference/places': 'places',
  'sources/reference/aliases': 'aliases',
  'sources/vocabularies': 'vocabulary',
};

/** Codes of faults a JSON Schema expresses (pipeline/validate/schema-check.ts). */
const SCHEMA_CODES = ['unknown-key', 'missing-key', 'wrong-type', 'unknown-value', 'bad-format', 'invalid-slug', 'empty-value', 'out-of-range', 'duplicate-item'];
/** Codes of faults in the YAML itself, which an editor reports before any schema. */
const YAML_CODES = ['yaml-syntax', 'duplicate-key', 'alias-not-allowed', 'merge-key', 'forbidden-key', 'complex-key', 'multiple-documents'];

const sources = Object.keys(SCHEMA_OF).flatMap((dir) =>
  readdirSync(join(PROJECT_ROOT, dir))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => `${dir}/${n}`),
);

// One ajv of its own, reading the committed files, not the validator's compiled schemas.
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const editorValidators = new Map<string, ReturnType<Ajv['compile']>>();
function editorValidator(name: string) {
  if (!editorValidators.has(name)) editorValidators.set(name, ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8'))));
  return editorValidators.get(name)!;
}

describe('schemas/', () => {
  it('holds exactly what `make schemas` generates (run it and commit when this fails)', () => {
    const generated = schemaFiles();
    const committed = readdirSync(SCHEMA_DIR).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, content] of generated) expect(readFileSync(join(SCHEMA_DIR, name), 'utf8'), name).toBe(content);
  });

  it('has a schema for every kind of source record', () => {
    expect(new Set(Object.values(SCHEMA_OF))).toEqual(new Set([...schemaFiles().keys()].map((n) => n.replace('.schema.json', ''))));
  });
});

describe('every source', () => {
  it('exists in each folder', () => {
    for (const dir of Object.keys(SCHEMA_OF)) expect(sources.some((s) => s.startsWith(`${dir}/`)), dir).toBe(true);
  });

  it.each(sources)('%s names its schema on its first line', (file) => {
    const first = readFileSync(join(PROJECT_ROOT, file), 'utf8').split('\n')[0];
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m, first).not.toBeNull();
    const target = relative(PROJECT_ROOT, resolve(dirname(join(PROJECT_ROOT, file)), m![1]));
    expect(target).toBe(`schemas/${SCHEMA_OF[dirname(file)]}.schema.json`);
  });

  it.each(sources)('%s validates against its schema', (file) => {
    const validate = editorValidator(SCHEMA_OF[dirname(file)]);
    const ok = validate(parse(readFileSync(join(PROJECT_ROOT, file), 'utf8')));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('invalid fixtures against the editor schema', () => {
  const fixtures = readdirSync(INVALID)
    .filter((n) => n.endsWith('.yaml'))
    .map((name) => {
      const text = readFileSync(join(INVALID, name), 'utf8');
      return { name, text, code: /^# expect: ([a-z0-9-]+)/.exec(text)![1] };
    });
  const schemaFaults = fixtures.filter((f) => SCHEMA_CODES.includes(f.code));
  const laterFaults = fixtures.filter((f) => !SCHEMA_CODES.includes(f.code) && !YAML_CODES.includes(f.code));
  const validate = editorValidator('mechanism');

  it('include schema faults and faults the schema cannot see', () => {
    expect(schemaFaults.length).toBeGreaterThanOrEqual(10);
    expect(laterFaults.length).toBeGreaterThanOrEqual(10);
  });

  it.each(schemaFaults.map((f) => [f.name, f] as const))('%s fails the schema', (_name, f) => {
    expect(validate(parse(f.text))).toBe(false);
  });

  it.each(laterFaults.map((f) => [f.name, f] as const))('%s passes the schema (only `iscm check` finds its fault)', (_name, f) => {
    expect(validate(parse(f.text))).toBe(true);
  });
});
