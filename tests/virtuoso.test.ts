// `iscm load` against a real triple store: Virtuoso Open Source from Debian's packages, started
// on loopback with a scratch database by scripts/virtuoso.sh and stopped afterwards. The release
// replaces its named graph through the SPARQL 1.1 Graph Store Protocol, and every researcher
// question gets the same answers from Virtuoso as from the embedded store.

import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIris } from '../pipeline/iri.ts';
import { runQuery } from '../pipeline/query/execute.ts';
import { SOLUTION_FORMATS } from '../pipeline/query/formats.ts';
import { openRelease, releaseVersion, type Release } from '../pipeline/query/release.ts';
import type { JsonResults } from '../pipeline/query/table.ts';
import { buildInto, ROOT } from './helpers/built.ts';

const SCRIPT = join(ROOT, 'scripts', 'virtuoso.sh');
const QUERIES = join(ROOT, 'ontology', 'queries');
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const run = promisify(execFile);

const install = spawnSync('bash', [SCRIPT, 'install'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
const virtuosoMissing = install.status === 4;
if (virtuosoMissing) process.stderr.write(`SKIPPED the Virtuoso test: apt-get could not install virtuoso-opensource:\n${install.stderr}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * One solution as a comparable string. Virtuoso writes typed literals as "typed-literal" and
 * booleans as 0 and 1 (the same values); anything else must be equal as it stands.
 */
function solutionKey(row: Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>): string {
  const terms = Object.keys(row)
    .sort()
    .map((k) => {
      const t = row[k];
      const type = t.type === 'typed-literal' ? 'literal' : t.type;
      const datatype = t.datatype === `${XSD}string` ? undefined : t.datatype;
      const value = datatype === `${XSD}boolean` ? ({ '0': 'false', '1': 'true' } as Record<string, string>)[t.value] ?? t.value : t.value;
      return JSON.stringify([k, type, value, t['xml:lang'] ?? '', datatype ?? '']);
    });
  return terms.join(' ');
}

describe.skipIf(virtuosoMissing)('make load into Virtuoso', () => {
  let out: string;
  let dir: string;
  let http: number;
  let release: Release;
  let graph: string;

  beforeAll(async () => {
    expect(install.status, install.stderr).toBe(0);
    out = await buildInto();
    release = openRelease({ root: ROOT, outDir: out, base: makeIris().base });
    graph = makeIris().releaseGraph(releaseVersion(ROOT));
    dir = join(mkdtempSync(join(tmpdir(), 'iscm-virtuoso-')), 'db');
    http = await freePort();
    const sql = await freePort();
    const started = spawnSync('bash', [SCRIPT, 'start', dir, String(http), String(sql)], { encoding: 'utf8' });
    expect(started.status, started.stderr).toBe(0);
  });

  afterAll(() => {
    if (dir) spawnSync('bash', [SCRIPT, 'stop', dir], { stdio: 'inherit' });
  });

  const load = () =>
    run(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/cli/load.ts'), `http://127.0.0.1:${http}/sparql-graph-crud`], {
      cwd: ROOT,
      env: { ...process.env, ISCM_OUT: out },
    });

  async function virtuoso(query: string): Promise<JsonResults> {
    const body = new URLSearchParams({ query, 'default-graph-uri': graph });
    const r = await fetch(`http://127.0.0.1:${http}/sparql`, {
      method: 'POST',
      body,
      headers: { accept: 'application/sparql-results+json', 'content-type': 'application/x-www-form-urlencoded' },
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`Virtuoso answered ${r.status}: ${text}`);
    return JSON.parse(text) as JsonResults;
  }

  const triplesInGraph = async () =>
    Number((await virtuoso(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s ?p ?o } }`)).results!.bindings[0].n.value);

  it('fills the release graph with every triple of the dumps and the description, and a second load replaces it', async () => {
    const dump = oxigraph.parse(readFileSync(join(out, 'iscm.nt'), 'utf8'), { format: 'application/n-triples' }).length;
    const description = oxigraph.parse(readFileSync(join(out, 'dataset.ttl'), 'utf8'), { format: 'text/turtle' }).length;
    expect(dump).toBeGreaterThan(10_000);
    expect(description).toBeGreaterThan(0);
    expect(release.store.match(null, null, null, release.graph).length).toBe(dump + description);
    await load();
    expect(await triplesInGraph()).toBe(dump + description);
    await load();
    expect(await triplesInGraph()).toBe(dump + description);
  });

  it('exits 1 with store-refused when the store does not take the graph', async () => {
    const refused = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/cli/load.ts'), `http://127.0.0.1:${http}/no-such-service`], {
      cwd: ROOT,
      env: { ...process.env, ISCM_OUT: out, NO_COLOR: '1' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error store-refused:');
  });

  const names = readdirSync(QUERIES)
    .filter((f) => f.endsWith('.rq'))
    .map((f) => f.slice(0, -3))
    .sort();

  it.each(names)('%s gets the same answers from Virtuoso as from the embedded store', async (name) => {
    const text = readFileSync(join(QUERIES, `${name}.rq`), 'utf8');
    const embedded = JSON.parse(runQuery(release, text, () => SOLUTION_FORMATS.json).body) as JsonResults;
    const remote = await virtuoso(text);
    const keys = (r: JsonResults) => (r.results?.bindings ?? []).map((b) => solutionKey(b)).sort();
    expect(keys(embedded).length).toBeGreaterThan(0);
    expect(keys(remote)).toEqual(keys(embedded));
  });
});
