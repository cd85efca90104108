// SPARQL over the built dumps: the researcher questions of ontology/queries/ answer what their
// expected files say (and, where the fact sheet can tell, what it says), and `iscm query` prints
// tables, CSV, TSV and JSON, with stable error codes and exit codes.

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeIris } from '../pipeline/iri.ts';
import { QueryError, runQuery } from '../pipeline/query/execute.ts';
import { readPrologue } from '../pipeline/query/form.ts';
import { SOLUTION_FORMATS } from '../pipeline/query/formats.ts';
import { openRelease, releaseVersion, type Release } from '../pipeline/query/release.ts';
import { formatTable, type JsonResults } from '../pipeline/query/table.ts';
import { buildInto, ROOT } from './helpers/built.ts';

const QUERIES = join(ROOT, 'ontology', 'queries');
const SHEET = join(ROOT, '..', 'shared', 'facts', 'iscm-facts.yaml');
const names = readdirSync(QUERIES)
  .filter((f) => f.endsWith('.rq'))
  .map((f) => f.slice(0, -3))
  .sort();
const run = promisify(execFile);

let out: string;
let release: Release;
beforeAll(async () => {
  out = await buildInto();
  release = openRelease({ root: ROOT, outDir: out, base: makeIris().base });
});

const json = (text: string) => JSON.parse(runQuery(release, text, () => SOLUTION_FORMATS.json).body) as JsonResults;
const tsv = (name: string) => runQuery(release, readFileSync(join(QUERIES, `${name}.rq`), 'utf8'), () => SOLUTION_FORMATS.tsv).body;
const rows = (name: string) =>
  (json(readFileSync(join(QUERIES, `${name}.rq`), 'utf8')).results?.bindings ?? []).map((b) =>
    Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])),
  );
const slug = (iri: string) => iri.slice(iri.lastIndexOf('/') + 1);

describe('the researcher questions', () => {
  it('are at least ten, each with an expected-results file', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const n of names) expect(existsSync(join(QUERIES, `${n}.expected.tsv`)), n).toBe(true);
    for (const question of ['members-by-m49-region', 'meeting-timeline', 'states-in-two-mechanisms', 'chairs-over-time', 'secretariats',
      'mechanisms-by-type-and-decade', 'participants-without-identifier'])
      expect(names).toContain(question);
  });

  it.each(names)('%s answers what its expected file says', (name) => {
    // After a change to the data: review the difference, then rewrite the file with
    // `make query Q=ontology/queries/NAME.rq FORMAT=tsv > ontology/queries/NAME.expected.tsv`.
    expect(tsv(name)).toBe(readFileSync(join(QUERIES, `${name}.expected.tsv`), 'utf8'));
  });

  it.each(names)('%s starts with a comment that states its question', (name) => {
    expect(readFileSync(join(QUERIES, `${name}.rq`), 'utf8')).toMatch(/^# \S/);
  });
});

describe.runIf(existsSync(SHEET))('the answers against the fact sheet', () => {
  const sheet = existsSync(SHEET) ? (parse(readFileSync(SHEET, 'utf8')) as Record<string, any>[]) : [];
  const item = (id: string) => sheet.find((m) => m.id === id)!;

  it('the Berne Initiative member states are the 121 names its French page prints', () => {
    const printed = item('berne-initiative').member_states.listed as string[];
    expect(printed).toHaveLength(121);
    expect(rows('berne-member-states').map((r) => r.nameAsPrinted).sort()).toEqual([...printed].sort());
  });

  it('the timeline holds every meeting of the sheet with its start date', () => {
    const expected = sheet.flatMap((m) => (m.meetings ?? []).map((x: { start?: string }) => `${m.id} ${x.start ?? '-'}`)).sort();
    const actual = rows('meeting-timeline').map((r) => `${slug(r.mechanism)} ${r.start ?? '-'}`).sort();
    expect(actual).toEqual(expected);
  });

  it('members by region add up to the count of each complete member list whose names all resolve', () => {
    const byMechanism = new Map<string, number>();
    for (const r of rows('members-by-m49-region')) byMechanism.set(slug(r.mechanism), (byMechanism.get(slug(r.mechanism)) ?? 0) + Number(r.memberStates));
    for (const id of ['berne-initiative', 'almaty-process', 'midsa', 'sacm', 'midcom']) {
      expect(item(id).member_states.complete, id).toBe(true);
      expect(byMechanism.get(id), id).toBe(item(id).member_states.declared_count);
    }
  });

  it('the states in both MIDSA and MIDCOM are those found by hand in the two lists', () => {
    expect(rows('states-in-two-mechanisms').map((r) => r.iso)).toEqual(['COD', 'COM', 'MDG', 'MUS', 'MWI', 'SWZ', 'SYC', 'ZMB', 'ZWE']);
  });

  it('no State lacks an external identifier, and every unresolved name is listed with its reason', () => {
    const found = rows('participants-without-identifier');
    expect(found.filter((r) => r.kind === 'state')).toEqual([]);
    const unresolved = found.filter((r) => r.kind === 'unresolved name');
    expect(unresolved.length).toBeGreaterThan(0);
    for (const r of unresolved) expect(r.why, r.participant).toBeTruthy();
  });
});

describe('running a query', () => {
  it('reads the form and the prefixes after comments, PREFIX and BASE', () => {
    const p = readPrologue('# a comment with SELECT in it\nBASE <http://example.org/#x>\nPREFIX ex: <http://example.org/ns#>\nprefix : <http://e/>\n  construct { ?s ?p ?o } WHERE { ?s ?p ?o }');
    expect(p.form).toBe('CONSTRUCT');
    expect(p.prefixes).toEqual({ ex: 'http://example.org/ns#', '': 'http://e/' });
    expect(readPrologue('ASK {}').form).toBe('ASK');
    expect(readPrologue('DESCRIBE <x:y>').form).toBe('DESCRIBE');
    expect(readPrologue('PREFIX a: <x:>\nINSERT DATA { <a:b> <a:c> <a:d> }').form).toBe('UPDATE');
    expect(readPrologue('CLEAR ALL').form).toBe('UPDATE');
    expect(readPrologue('SELEKT * {}').form).toBeUndefined();
  });

  it('reports a syntax error with its code, line and column', () => {
    const error = (() => {
      try {
        json('SELECT * WHERE {\n  ?s ?p }');
      } catch (e) {
        return e as QueryError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(QueryError);
    expect(error?.code).toBe('sparql-syntax');
    expect(error?.line).toBe(2);
  });

  it('refuses updates, and says when no format of the answer is acceptable', () => {
    expect(() => json('INSERT DATA { <http://a> <http://b> <http://c> }')).toThrow(expect.objectContaining({ code: 'update-refused' }));
    expect(() => runQuery(release, 'ASK {}', () => undefined)).toThrow(expect.objectContaining({ code: 'no-acceptable-format' }));
  });

  it('keeps the release in its named graph, which is also the default graph', () => {
    const graph = makeIris().releaseGraph(releaseVersion(ROOT));
    const count = (q: string, dataset?: { defaultGraphs: string[]; namedGraphs: string[] }) =>
      Number((JSON.parse(runQuery(release, q, () => SOLUTION_FORMATS.json, dataset).body) as JsonResults).results!.bindings[0].n.value);
    const all = count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
    expect(all).toBeGreaterThan(10_000);
    expect(count(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graph}> { ?s ?p ?o } }`)).toBe(all);
    expect(count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', { defaultGraphs: [graph], namedGraphs: [] })).toBe(all);
    expect(count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', { defaultGraphs: ['https://example.org/no-such-graph'], namedGraphs: [] })).toBe(0);
  });

  it('prints a table with the query prefixes, language tags and datatypes, one line per solution', () => {
    const results: JsonResults = {
      head: { vars: ['s', 'label', 'year', 'n'] },
      results: {
        bindings: [
          {
            s: { type: 'uri', value: 'https://w3id.org/iscm/id/state/CHE' },
            label: { type: 'literal', value: 'Suisse | "CH"', 'xml:lang': 'fr' },
            year: { type: 'literal', value: '2001', datatype: 'http://www.w3.org/2001/XMLSchema#gYear' },
            n: { type: 'literal', value: '3', datatype: 'http://www.w3.org/2001/XMLSchema#integer' },
          },
          { s: { type: 'uri', value: 'http://example.org/other' } },
        ],
      },
    };
    expect(formatTable(results, { id: 'https://w3id.org/iscm/id/' }).split('\n')).toEqual([
      '| s                          | label                 | year              | n |',
      '|----------------------------|-----------------------|-------------------|---|',
      '| id:state/CHE               | "Suisse \\| \\"CH\\""@fr | "2001"^^xsd:gYear | 3 |',
      '| <http://example.org/other> |                       |                   |   |',
      '(2 rows)',
      '',
    ]);
    expect(formatTable({ head: {}, boolean: false }, {})).toBe('false\n');
  });
});

describe('iscm query', () => {
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const r = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/cli/query.ts'), ...args], {
        cwd: ROOT,
        env: { ...process.env, ISCM_OUT: out, NO_COLOR: '1', ...env },
      });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('prints CSV, TSV, JSON and a table of the same answer', async () => {
    const q = join(QUERIES, 'states-in-two-mechanisms.rq');
    const csv = await cli(['--format', 'csv', q]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('state,iso,name');
    expect(csv.stdout).toContain('https://w3id.org/iscm/id/state/ZWE,ZWE,Zimbabwe');
    expect((await cli(['--format', 'tsv', q])).stdout).toBe(readFileSync(join(QUERIES, 'states-in-two-mechanisms.expected.tsv'), 'utf8'));
    const parsed = JSON.parse((await cli(['--format', 'json', q])).stdout) as JsonResults;
    expect(parsed.results?.bindings).toHaveLength(9);
    const table = await cli([q]);
    expect(table.stdout).toContain('| id:state/ZWE | "ZWE" | "Zimbabwe"@en');
    expect(table.stdout).toContain('(9 rows)');
  });

  it('writes a CONSTRUCT answer as Turtle by default', async () => {
    const file = join(out, '..', 'construct.rq');
    writeFileSync(file, 'CONSTRUCT WHERE { <https://w3id.org/iscm/id/state/CHE> <https://w3id.org/iscm/def/iscm#iso3166Alpha3> ?o }');
    const r = await cli([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"CHE"');
  });

  it('exits 1 with file:line:col and the code on a syntax error, 2 on a format that does not apply', async () => {
    const file = join(out, '..', 'broken.rq');
    writeFileSync(file, 'SELECT * WHERE {\n  ?s ?p }');
    const broken = await cli([file]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.rq:2:\d+: error sparql-syntax: /);
    const usage = await cli(['--format', 'turtle', join(QUERIES, 'themes.rq')]);
    expect(usage.code).toBe(2);
  });

  it('exits 1 with missing-dump when the dumps are not built', async () => {
    const r = await cli([join(QUERIES, 'themes.rq')], { ISCM_OUT: join(out, '..', 'nothing-here') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error missing-dump:');
  });
});
