// `make schemas`: writes schemas/<name>.schema.json from pipeline/validate/schemas.ts, the same
// definitions the validator compiles, so that an editor's completion and inline errors (through
// the `# yaml-language-server: $schema=…` line of each source) agree with the build.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SCHEMAS } from '../validate/schemas.ts';

/** File name → content of every schema file, as committed in schemas/. */
export function schemaFiles(): Map<string, string> {
  return new Map(Object.entries(SCHEMAS).map(([name, schema]) => [`${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(resolve(process.env.ISCM_ROOT ?? '.'), 'schemas');
  mkdirSync(dir, { recursive: true });
  const files = schemaFiles();
  // A schema removed from the definitions must not linger for editors.
  for (const name of readdirSync(dir)) if (name.endsWith('.schema.json') && !files.has(name)) rmSync(join(dir, name));
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  process.stderr.write(`wrote ${files.size} schemas into ${dir}\n`);
}
