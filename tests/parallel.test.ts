// Records built on worker threads give the very bytes that records built on the main thread
// give, and the dumps, assembled record by record, are the bytes the whole-graph serializers
// write for the whole graph: the assembly loses, doubles and reorders nothing, even where two
// records' subjects interleave (rcp-00049 and rcp-00049-bis).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, mechanismId, referenceNames } from '../bench/corpus.ts';
import { makeIris } from '../pipeline/iri.ts';
import { load } from '../pipeline/load/index.ts';
import { map } from '../pipeline/map/index.ts';
import { reconcile } from '../pipeline/reconcile/index.ts';
import { toJsonLd } from '../pipeline/serialize/jsonld.ts';
import { toNQuads } from '../pipeline/serialize/nquads.ts';
import { toNTriples } from '../pipeline/serialize/ntriples.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { toRdfXml } from '../pipeline/serialize/rdfxml.ts';
import { toTurtle } from '../pipeline/serialize/turtle.ts';
import { validate } from '../pipeline/validate/index.ts';
import { buildRecords, filesOf, type Built } from './helpers/records-build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'iscm-parallel-'));
let root: string;
let single: Built;
let parallel: Built;

beforeAll(async () => {
  // Records 48 to 51: 50 is rcp-00049-bis, whose IRIs sort between rcp-00049's own and its children's.
  root = generateCorpus(join(tmp, 'corpus'), 4, referenceNames(), 48);
  [single, parallel] = [await buildRecords(root, { workers: 0 }), await buildRecords(root, { workers: 2 })];
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a build on worker threads', () => {
  it('builds the corpus it is given, with a pair of interleaving records', () => {
    expect(mechanismId(50)).toBe(`${mechanismId(49)}-bis`);
    expect(single.records).toMatchObject({ total: 4, built: 4 });
    expect(parallel.records).toMatchObject({ total: 4, built: 4 });
  });

  it('writes every file byte for byte as a build on the main thread does', () => {
    const a = filesOf(single.out);
    const b = filesOf(parallel.out);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
  });

  it('writes the dumps that the serializers write for the whole graph at once', () => {
    const iris = makeIris();
    const project = load(root).project!;
    const reconciled = reconcile(validate(project).project!).reconciled!;
    const { graphs } = map(reconciled, iris);
    const triples = canonicalTriples(graphs.flatMap((g) => g.quads));
    const context = JSON.parse(project.ontology.context)['@context'];
    const files = filesOf(parallel.out);
    const text = (path: string) => files.get(path)!.toString('utf8');
    expect(text('iscm.nt')).toBe(toNTriples(triples));
    expect(text('iscm.ttl')).toBe(toTurtle(triples, iris));
    expect(text('iscm.jsonld')).toBe(toJsonLd(triples, context));
    expect(text('iscm.rdf')).toBe(toRdfXml(triples, iris));
    expect(text('iscm.nq')).toBe(toNQuads(graphs, iris));
  });
});
