// Runs the JSON Schemas over parsed YAML and turns ajv's errors into located diagnostics
// with stable codes. ajv reports every failing branch of a oneOf; only the branch that
// matches the value's own type is kept, so a maintainer reads one error, not three.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { error, type Diagnostic } from '../diagnostics.ts';
import { locate, type YamlSource } from '../load/yaml.ts';
import { SCHEMAS, SLUG_PATTERNS } from './schemas.ts';

export type SchemaName = keyof typeof SCHEMAS;

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
const compiled = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  const known = compiled.get(name);
  if (known) return known;
  const v = ajv.compile(SCHEMAS[name]);
  compiled.set(name, v);
  return v;
}

const CODES: Record<string, string> = {
  additionalProperties: 'unknown-key',
  required: 'missing-key',
  type: 'wrong-type',
  enum: 'unknown-value',
  const: 'unknown-value',
  pattern: 'bad-format',
  minItems: 'empty-value',
  minLength: 'empty-value',
  minProperties: 'empty-value',
  minimum: 'out-of-range',
  maximum: 'out-of-range',
  uniqueItems: 'duplicate-item',
  oneOf: 'wrong-type',
};

export function checkSchema(name: SchemaName, source: YamlSource): Diagnostic[] {
  return checkWith(validator(name), source);
}

/** The same check against a schema that is not one of SCHEMAS (the release file's, pipeline/validate/release.ts). */
export function checkAgainst(schema: object, source: YamlSource): Diagnostic[] {
  return checkWith(ajv.compile(schema), source);
}

function checkWith(validate: ValidateFunction, source: YamlSource): Diagnostic[] {
  if (validate(source.value)) return [];
  return relevant(validate.errors ?? [], source.value).map((e) => toDiagnostic(e, source));
}

function toDiagnostic(e: ErrorObject, source: YamlSource): Diagnostic {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const where = path.length ? `"${path.join('.')}"` : 'the record';
  let code = CODES[e.keyword] ?? 'schema';
  let message: string;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return error('unknown-key', `unknown key "${key}" in ${where}`, locate(source, [...path, key], true));
    }
    case 'required':
      message = `${where} lacks the required key "${(e.params as { missingProperty: string }).missingProperty}"`;
      break;
    case 'enum':
      message = `${where} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    case 'pattern':
      if (SLUG_PATTERNS.includes((e.params as { pattern: string }).pattern)) code = 'invalid-slug';
      message = `${where} ${e.message}${(e.parentSchema as { description?: string })?.description ? ` (${(e.parentSchema as { description: string }).description})` : ''}`;
      break;
    case 'oneOf':
      message = `${where} must be a name as printed, or a mapping with "name"`;
      break;
    default:
      message = `${where} ${e.message}`;
  }
  return error(code, message, locate(source, path));
}

/** Drops the errors of oneOf branches whose type does not match the value at that place. */
function relevant(errors: ErrorObject[], value: unknown): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const withBranchErrors = oneOfsWithBranchErrors(errors);
  return errors.filter((e) => {
    const branch = /\/oneOf\/(\d+)\//.exec(e.schemaPath);
    if (!branch) return !(e.keyword === 'oneOf' && withBranchErrors.has(`${e.schemaPath} ${e.instancePath}`));
    const at = oneOfAncestor(e.instancePath, oneOfPaths);
    if (at === undefined) return true;
    const v = valueAt(value, at);
    const isObject = typeof v === 'object' && v !== null && !Array.isArray(v);
    // Branch 0 of our oneOfs is the scalar form, branch 1 (and later) the mapping form.
    return isObject ? branch[1] !== '0' : branch[1] === '0' && e.keyword !== 'type';
  });
}

/**
 * `schemaPath instancePath` of every oneOf error that has errors of its own branches other than
 * type errors. One pass over the errors with set lookups, so that a hostile file with many
 * errors costs linear time.
 */
function oneOfsWithBranchErrors(errors: ErrorObject[]): Set<string> {
  const oneOfs = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.schemaPath} ${e.instancePath}`));
  const out = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'type') continue;
    for (let i = e.schemaPath.lastIndexOf('/oneOf/'); i >= 0; i = e.schemaPath.lastIndexOf('/oneOf/', i - 1)) {
      const schemaPath = e.schemaPath.slice(0, i + '/oneOf'.length);
      for (let path = e.instancePath; ; path = path.slice(0, path.lastIndexOf('/'))) {
        if (oneOfs.has(`${schemaPath} ${path}`)) out.add(`${schemaPath} ${path}`);
        if (!path) break;
      }
      if (i === 0) break;
    }
  }
  return out;
}

/** The instance path of the nearest oneOf at or above `path`. */
function oneOfAncestor(path: string, oneOfPaths: Set<string>): string | undefined {
  for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (oneOfPaths.has(p)) return p;
    if (!p) return undefined;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointer.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[seg];
  return v;
}
