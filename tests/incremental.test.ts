// The record cache: a rebuild redoes exactly the records whose bytes, or whose context (the
// other sources, the base IRI, the code), changed, and its output is byte for byte the output
// of a clean build of the same sources.

import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedRecord, generateCorpus, mechanismId, referenceNames } from '../bench/corpus.ts';
import { cacheSalt } from '../pipeline/cache/index.ts';
import { BuildError } from '../pipeline/diagnostics.ts';
import { loadSources } from '../pipeline/load/index.ts';
import { buildRecords, filesOf } from './helpers/records-build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'iscm-incremental-'));
const cacheDir = join(tmp, 'cache');
let root: string;
const record = (n: number) => join(root, 'sources/mechanisms', `${mechanismId(n)}.yaml`);

function expectSameFiles(a: string, b: string): void {
  const x = filesOf(a);
  const y = filesOf(b);
  expect([...y.keys()]).toEqual([...x.keys()]);
  for (const [path, bytes] of x) expect(y.get(path)!.equals(bytes), path).toBe(true);
}

beforeAll(() => {
  root = generateCorpus(join(tmp, 'corpus'), 3, referenceNames());
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a rebuild with the cache', () => {
  it('builds every record the first time and none when nothing changed, with the same output', async () => {
    const first = await buildRecords(root, { workers: 0, cacheDir });
    expect(first.records).toMatchObject({ total: 3, built: 3 });
    const again = await buildRecords(root, { workers: 0, cacheDir });
    expect(again.records).toMatchObject({ total: 3, built: 0 });
    expectSameFiles(first.out, again.out);
  });

  it('rebuilds only the record that changed, into what a clean build makes', async () => {
    const original = readFileSync(record(1), 'utf8');
    writeFileSync(record(1), changedRecord(original));
    try {
      const rebuilt = await buildRecords(root, { workers: 0, cacheDir });
      expect(rebuilt.records).toMatchObject({ total: 3, built: 1 });
      expect(filesOf(rebuilt.out).get('iscm.nt')!.toString('utf8')).toContain('Document 1 (revised) of the RCP 1');
      expectSameFiles(rebuilt.out, (await buildRecords(root, { workers: 0 })).out);
    } finally {
      writeFileSync(record(1), original);
    }
    expect((await buildRecords(root, { workers: 0, cacheDir })).records.built).toBe(0);
  });

  it('rebuilds every record when another source changes, and keys records by base IRI too', async () => {
    const inputs = loadSources(root).sources.reference.files;
    expect(cacheSalt(inputs, 'https://example.org/')).not.toBe(cacheSalt(inputs, 'https://w3id.org/iscm/'));
    const shapes = join(root, 'ontology/shapes.ttl');
    const original = readFileSync(shapes, 'utf8');
    appendFileSync(shapes, '\n# a comment changes the bytes, hence every key\n');
    try {
      expect((await buildRecords(root, { workers: 0, cacheDir })).records.built).toBe(3);
    } finally {
      writeFileSync(shapes, original);
    }
  });

  it('forgets what no build has used for an hour, and only that', async () => {
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const stale = join(cacheDir, 'ff', `${'f'.repeat(64)}.rec`);
    const recent = join(cacheDir, 'ee', `${'e'.repeat(64)}.rec`);
    for (const path of [stale, recent]) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, 'an entry of sources that are gone');
    }
    utimesSync(stale, hourAgo, hourAgo);
    const entries = () => readdirSync(cacheDir, { recursive: true }).filter((p) => String(p).endsWith('.rec')).length;
    // The entries this build uses are an hour old too: using them keeps them.
    for (const p of readdirSync(cacheDir, { recursive: true })) if (String(p).endsWith('.rec')) utimesSync(join(cacheDir, String(p)), hourAgo, hourAgo);
    utimesSync(recent, new Date(), new Date());
    expect((await buildRecords(root, { workers: 0, cacheDir })).records.built).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    // The three records' entries and the recent one; the entries of earlier versions of the sources are gone.
    expect(entries()).toBe(3 + 1);
  });

  it('reports a record that breaks, from the cache too, until it is fixed', async () => {
    const original = readFileSync(record(2), 'utf8');
    writeFileSync(record(2), original.replace('type: ', 'tpye: '));
    try {
      for (let run = 0; run < 2; run++) {
        const failure = await buildRecords(root, { workers: 0, cacheDir }).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(BuildError);
        expect((failure as BuildError).diagnostics.map((d) => [d.code, d.file])).toContainEqual(['unknown-key', `sources/mechanisms/${mechanismId(2)}.yaml`]);
      }
    } finally {
      writeFileSync(record(2), original);
    }
    expect((await buildRecords(root, { workers: 0, cacheDir })).records.built).toBe(0);
  });
});
