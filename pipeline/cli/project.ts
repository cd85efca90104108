// Where the commands find the project: the current folder, or ISCM_ROOT. A command run elsewhere
// says so instead of reporting every source file as missing.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_BASE, makeIris } from '../iri.ts';
import { UsageError } from './exit.ts';

export function projectRoot(): string {
  const root = resolve(process.env.ISCM_ROOT ?? '.');
  if (!existsSync(join(root, 'sources', 'mechanisms')))
    throw new UsageError(`${root} is not an iscm-lod project (it has no sources/mechanisms/); run iscm in the project folder or set ISCM_ROOT`);
  return root;
}

/** The base IRI of a build: --base, else ISCM_BASE, else the default; a malformed one is a usage error. */
export function baseIri(option: string | undefined): string {
  const base = option ?? process.env.ISCM_BASE ?? DEFAULT_BASE;
  try {
    makeIris(base);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return base;
}
