// Builds the real sources once per test file into a temporary folder, the way `make` does.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from '../../pipeline/cli/build.ts';
import { DEFAULT_BASE } from '../../pipeline/iri.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function buildInto(out = join(mkdtempSync(join(tmpdir(), 'iscm-build-')), 'output')): Promise<string> {
  const code = await runBuild({ root: ROOT, out, base: DEFAULT_BASE, quiet: true });
  if (code !== 0) throw new Error(`the build failed with exit code ${code}`);
  return out;
}
