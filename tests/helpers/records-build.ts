// A build the way `make` does it (pipeline/cli/build.ts), with the worker threads and the cache
// folder chosen by the test, returning what the build says of its records.

import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type BuildResult } from '../../pipeline/build.ts';
import { makeIris } from '../../pipeline/iri.ts';
import { loadSources } from '../../pipeline/load/index.ts';
import { publishStreams } from '../../pipeline/publish/index.ts';

export interface Built {
  out: string;
  records: BuildResult['records'];
}

export async function buildRecords(root: string, opts: { workers: number; cacheDir?: string; base?: string }): Promise<Built> {
  const out = join(mkdtempSync(join(tmpdir(), 'iscm-records-')), 'output');
  const loaded = loadSources(root);
  const result = await build(
    loaded.sources,
    makeIris(opts.base),
    undefined,
    { root, cacheDir: opts.cacheDir ?? mkdtempSync(join(tmpdir(), 'iscm-cache-')), workers: opts.workers },
    [...loaded.diagnostics.mechanisms, ...loaded.diagnostics.reference],
  );
  await publishStreams(out, result.files, { gzip: result.gzip, describe: result.describe });
  return { out, records: result.records };
}

/** Every file under `dir`, by path relative to it. */
export function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}
