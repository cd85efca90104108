// `make bench` is only as good as its corpora and its report: the generator makes records
// shaped as documented that build without a single diagnostic, the same on every run, and the
// report computes the ratios and verdicts from the measurements. No timing is asserted here;
// timings are the benchmark's business.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedRecord, CHAIRS, DOCUMENTS, generateCorpus, MEETINGS, MEMBER_STATES, mechanismYaml, referenceNames } from '../bench/corpus.ts';
import { rates, renderChart, renderReport } from '../bench/report.ts';
import type { BenchRun, SizeResult } from '../bench/results.ts';
import { parseSizes } from '../bench/run.ts';
import { buildRecords, filesOf } from './helpers/records-build.ts';
import { sparqlOver } from './helpers/sparql.ts';

const tmp = mkdtempSync(join(tmpdir(), 'iscm-bench-'));
const names = referenceNames();
let root: string;

beforeAll(() => {
  root = generateCorpus(join(tmp, 'corpus'), 2, names);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the corpus generator', () => {
  it('writes the same records on every run', () => {
    expect(mechanismYaml(7, referenceNames())).toBe(mechanismYaml(7, names));
    const again = generateCorpus(join(tmp, 'again'), 2, names);
    const files = (dir: string) => readdirSync(join(dir, 'sources/mechanisms')).map((n) => readFileSync(join(dir, 'sources/mechanisms', n), 'utf8'));
    expect(files(again)).toEqual(files(root));
  });

  it('makes records of the documented shape that build without a diagnostic', async () => {
    const built = await buildRecords(root, { workers: 0 });
    expect(built.records).toMatchObject({ total: 2, built: 2 });
    const sparql = sparqlOver(join(built.out, 'iscm.nt'));
    const count = (cls: string) => sparql.count(`SELECT (COUNT(?x) AS ?n) WHERE { ?x a ${cls} }`);
    expect(count('<http://www.w3.org/ns/org#Membership>')).toBe(2 * (MEMBER_STATES + CHAIRS));
    expect(count('iscm:Meeting')).toBe(2 * MEETINGS);
    expect(count('iscm:Document')).toBe(2 * DOCUMENTS);
    // Every name resolved exactly: nothing unresolved, nothing by alias.
    const report = JSON.parse(filesOf(built.out).get('reports/reconciliation.json')!.toString('utf8'));
    expect(report.counts).toEqual({ exact: 2 * (MEMBER_STATES + CHAIRS + 2 * MEETINGS), alias: 0, unresolved: 0 });
  });

  it('changes exactly one fact of a record for the incremental rebuild', () => {
    const yaml = mechanismYaml(3, names);
    const before = parse(yaml);
    const after = parse(changedRecord(yaml));
    expect(after.documents[0].title).not.toBe(before.documents[0].title);
    expect({ ...after, documents: after.documents.slice(1) }).toEqual({ ...before, documents: before.documents.slice(1) });
  });
});

function size(mechanisms: number, ms: { full: number; incremental: number; yaml: number; n3: number }, peakRss: number): SizeResult {
  const stage = (name: string, t: number) => ({ name, ms: t, peakRss });
  return {
    mechanisms,
    triples: mechanisms * 1000,
    workers: 2,
    cores: 2,
    full: { ms: ms.full, peakRss, stages: [stage('records', ms.full * 0.8), stage('publish', ms.full * 0.2)], steps: { parse: 10, shacl: 30 }, bytes: { 'iscm.nt': 1e6 } },
    incremental: { ms: ms.incremental, peakRss, built: 1, stages: [stage('records', ms.incremental)] },
    baselines: { yaml: { ms: ms.yaml, peakRss }, n3: { ms: ms.n3, peakRss } },
  };
}

describe('the report', () => {
  const run: BenchRun = {
    machine: { cpus: 'Test CPU', cores: 2, memory: 8 * 1024 ** 3, node: 'v20.0.0', load: [0.5, 0.5, 0.5] },
    command: 'make bench',
    sizes: [
      { label: '1M', result: size(1000, { full: 20_000, incremental: 1_000, yaml: 5_000, n3: 400 }, 1024 ** 3) },
      { label: '10M', result: size(10_000, { full: 80_000, incremental: 12_000, yaml: 50_000, n3: 4_000 }, 3 * 1024 ** 3) },
    ],
  };

  it('computes throughput end to end and for each baseline on the same triples', () => {
    expect(rates(run.sizes[0].result)).toEqual({ endToEnd: 50_000, yaml: 200_000, n3: 2_500_000 });
  });

  it('states the ratios to both baselines and whether each target is met', () => {
    const md = renderReport(run);
    expect(md).toContain('| 1M | 1,000 | 1,000,000 | 20.0 | 50,000 | 1,024 | 1.00 | 5.0 % | 200,000 | 2,500,000 | 0.25 | 0.020 |');
    expect(md).toMatch(/1M triples, at least 100,000 triples\/s end to end\*\*: 50,000 triples\/s, missed/);
    expect(md).toMatch(/10M triples, under 2,048 MB of peak memory\*\*: 3,072 MB, missed/);
    expect(md).toMatch(/Rebuild after one changed record, under 10\.0 % of a full build\*\* \(10M, 10,000 records\): 15\.0 %, missed/);
    expect(md).toContain('![Throughput per corpus size');
  });

  it('draws one bar per size and series in a standalone SVG', () => {
    const svg = renderChart(run);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // Three bars per size, and three legend swatches.
    expect(svg.match(/<rect /g)).toHaveLength(2 * 3 + 3);
  });

  it('reads the sizes to run from BENCH_SIZES, all four by default', () => {
    expect(parseSizes(undefined)).toEqual(['10k', '100k', '1M', '10M']);
    expect(parseSizes('10k,1M')).toEqual(['10k', '1M']);
    expect(() => parseSizes('5M')).toThrow(/unknown size/);
  });
});
