// Names typed in Unicode NFD build exactly like their NFC twins, end to end: a project whose
// every source and ontology file is rewritten in NFD (records, reference data, the country
// table, vocabularies, the release file) builds into the same dumps, byte for byte, as the same
// project in NFC. Only the build's description of its inputs differs: their sizes and checksums,
// which are the bytes of the files as they are on disk.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../pipeline/cli/build.ts';
import { DEFAULT_BASE } from '../pipeline/iri.ts';
import { snapshot } from './helpers/folder.ts';
import { removeProjects } from './helpers/project.ts';
import { smallProject } from './helpers/small-project.ts';

const MAXIMAL = readFileSync(new URL('./fixtures/valid/maximal.yaml', import.meta.url), 'utf8');
const NAME = 'Dialogue élémentaire de Genève';

/** A small project with the maximal record, every text file of it in `form`. */
function project(form: 'NFC' | 'NFD'): string {
  const root = smallProject(NAME, { 'sources/mechanisms/maximal.yaml': MAXIMAL });
  const rewrite = (dir: string): void => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) rewrite(p);
      else writeFileSync(p, readFileSync(p, 'utf8').normalize(form));
    }
  };
  rewrite(join(root, 'sources'));
  rewrite(join(root, 'ontology'));
  return root;
}

/** The input sizes and checksums the build description gives, masked. */
const maskInputs = (turtle: string) => turtle.replace(/(dcat:byteSize|spdx:checksumValue) "[^"]*"/g, '$1 "…"');

const outs: string[] = [];
afterAll(() => {
  removeProjects();
  for (const f of outs.splice(0)) rmSync(f, { recursive: true, force: true });
});

describe('a project in NFD', () => {
  const built = new Map<string, Map<string, Buffer>>();
  let nfdRoot: string;

  beforeAll(async () => {
    for (const form of ['NFC', 'NFD'] as const) {
      const root = project(form);
      if (form === 'NFD') nfdRoot = root;
      outs.push(mkdtempSync(join(tmpdir(), 'iscm-nfd-')));
      const out = join(outs[outs.length - 1], 'output');
      expect(await runBuild({ root, out, base: DEFAULT_BASE, quiet: true })).toBe(0);
      built.set(form, snapshot(out)!);
    }
  });

  it('is really in NFD, and its names are not ASCII', () => {
    const record = readFileSync(join(nfdRoot, 'sources/mechanisms/berne-initiative.yaml'), 'utf8');
    expect(record).toContain(NAME.normalize('NFD'));
    expect(record).not.toContain(NAME);
    const countries = readFileSync(join(nfdRoot, 'sources/reference/countries.csv'), 'utf8');
    expect(countries).not.toBe(countries.normalize('NFC'));
  });

  it('builds every dump and report byte for byte like its NFC twin', () => {
    const nfc = built.get('NFC')!;
    const nfd = built.get('NFD')!;
    expect([...nfd.keys()]).toEqual([...nfc.keys()]);
    const inputs = ['dataset.ttl', 'SHA256SUMS'];
    for (const [path, bytes] of nfc) if (!inputs.includes(path)) expect(nfd.get(path)!.equals(bytes), path).toBe(true);
    expect(nfc.size).toBeGreaterThan(inputs.length + 5);
  });

  it('describes the same build but for the sizes and checksums of its input files', () => {
    const nfc = built.get('NFC')!;
    const nfd = built.get('NFD')!;
    expect(maskInputs(nfd.get('dataset.ttl')!.toString())).toBe(maskInputs(nfc.get('dataset.ttl')!.toString()));
    const sums = (m: Map<string, Buffer>) => m.get('SHA256SUMS')!.toString().split('\n').filter((l) => !l.endsWith('  dataset.ttl'));
    expect(sums(nfd)).toEqual(sums(nfc));
  });

  it('publishes the names in NFC', () => {
    const nt = built.get('NFD')!.get('iscm.nt')!.toString();
    for (const name of [NAME, 'Échanger des pratiques', 'États membres', 'Diálogo de prueba máximo', 'Chili']) expect(nt).toContain(`"${name}"@`);
    expect(nt).toBe(nt.normalize('NFC'));
  });
});
