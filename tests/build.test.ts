// End to end: the real sources build; the committed output/ is what the build makes; the
// dumps are byte-identical whatever the clock, locale or time zone; every dump parses back,
// with a parser other than the one that wrote it, to the same graph.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as oxigraph from 'oxigraph';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, ROOT } from './helpers/built.ts';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function triplesOf(file: string, format: string): Set<string> {
  const store = new oxigraph.Store();
  store.load(readFileSync(file, 'utf8'), { format, base_iri: 'https://w3id.org/iscm/' });
  return new Set([...store.match()].map((q) => `${q.subject.toString()} ${q.predicate.toString()} ${q.object.toString()}`));
}

let out: string;
beforeAll(async () => {
  out = await buildInto();
});

describe('the build', () => {
  it('produces the four dumps and the reconciliation report', () => {
    const files = listFiles(out).map((f) => relative(out, f)).sort();
    expect(files).toEqual(
      expect.arrayContaining(['iscm.jsonld', 'iscm.nt', 'iscm.rdf', 'iscm.ttl', 'reports/reconciliation.json', 'reports/reconciliation.md']),
    );
  });

  it('matches the committed output/ byte for byte (run `make` and commit when this fails)', () => {
    const committed = join(ROOT, 'output');
    const rel = (d: string) => listFiles(d).map((f) => relative(d, f)).sort();
    expect(rel(committed)).toEqual(rel(out));
    for (const f of rel(out)) expect(readFileSync(join(committed, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });

  it('is byte-identical under another time zone, locale and clock', () => {
    const other = join(out, '..', 'other');
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/cli/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, ISCM_OUT: other, TZ: 'Pacific/Kiritimati', LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8', SOURCE_DATE_EPOCH: '0' },
      stdio: 'pipe',
    });
    for (const f of listFiles(out)) expect(readFileSync(f).equals(readFileSync(join(other, relative(out, f)))), f).toBe(true);
  });

  it('writes four dumps of one graph, each parsed back by oxigraph', () => {
    const nt = triplesOf(join(out, 'iscm.nt'), 'application/n-triples');
    expect(nt.size).toBeGreaterThan(1000);
    expect(triplesOf(join(out, 'iscm.ttl'), 'text/turtle')).toEqual(nt);
    expect(triplesOf(join(out, 'iscm.rdf'), 'application/rdf+xml')).toEqual(nt);
    expect(triplesOf(join(out, 'iscm.jsonld'), 'application/ld+json')).toEqual(nt);
  });

  it('has no blank nodes', () => {
    expect(readFileSync(join(out, 'iscm.nt'), 'utf8')).not.toMatch(/(^|\s)_:/m);
  });
});
