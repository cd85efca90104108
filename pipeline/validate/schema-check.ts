// Runs the JSON Schemas over parsed YAML and turns ajv's errors into located diagnostics
// with stable codes. ajv reports every failing branch of a oneOf; only the branch that
// matches the value's own type is kept, so a maintainer reads one error, not three.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { error, type Diagnostic } from '../diagnostics.ts';
import { locate, type YamlSource } from '../load/yaml.ts';
import { SCHEMAS } from './schemas.ts';

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
  const validate = validator(name);
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
      if (/\bid$|mechanism|document|concept|type|part/.test(String(path[path.length - 1]))) code = 'invalid-slug';
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
  return errors.filter((e) => {
    const branch = /\/oneOf\/(\d+)\//.exec(e.schemaPath);
    if (!branch) return !(e.keyword === 'oneOf' && hasBranchErrors(errors, e));
    const at = [...oneOfPaths].find((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`));
    if (at === undefined) return true;
    const v = valueAt(value, at);
    const isObject = typeof v === 'object' && v !== null && !Array.isArray(v);
    // Branch 0 of our oneOfs is the scalar form, branch 1 (and later) the mapping form.
    return isObject ? branch[1] !== '0' : branch[1] === '0' && e.keyword !== 'type';
  });
}

function hasBranchErrors(errors: ErrorObject[], oneOf: ErrorObject): boolean {
  return errors.some(
    (e) =>
      e !== oneOf &&
      e.schemaPath.startsWith(`${oneOf.schemaPath}/`) &&
      e.keyword !== 'type' &&
      (e.instancePath === oneOf.instancePath || e.instancePath.startsWith(`${oneOf.instancePath}/`)),
  );
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointer.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[seg];
  return v;
}
