// One published release, opened for querying: its dumps, its version (from sources/release.yaml,
// which the dataset description is also written from) and its named graph, loaded in a store.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { makeIris, type Iris } from '../iri.ts';
import { readDumps, type Dumps } from './dumps.ts';
import { openStore, type ReleaseStore } from './store.ts';

export interface Release extends ReleaseStore {
  dumps: Dumps;
  iris: Iris;
  version: string;
}

export function releaseVersion(root: string): string {
  return String((parse(readFileSync(join(root, 'sources', 'release.yaml'), 'utf8')) as { version: unknown }).version);
}

export function openRelease(opts: { root: string; outDir: string; base: string }): Release {
  const dumps = readDumps(opts.outDir);
  const iris = makeIris(opts.base);
  const version = releaseVersion(opts.root);
  return { ...openStore(dumps, iris.releaseGraph(version)), dumps, iris, version };
}
