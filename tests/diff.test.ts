// `iscm diff`: each kind of change to a mechanism record is told in words under its mechanism
// (a member added or removed, a meeting's start date changed, a label changed); a new mechanism
// is one change with its parts counted; identical builds have no differences. The command reads
// dumps and folders, and scripts/diff-sources.sh prints the diff of a commit that changes sources/.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, toValue } from '../pipeline/diff/graph.ts';
import { renderDiff } from '../pipeline/diff/render.ts';
import { semanticDiff, type Change } from '../pipeline/diff/semantic.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { toNTriples } from '../pipeline/serialize/ntriples.ts';
import { iscm } from './helpers/iscm.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages } from './helpers/project.ts';

afterAll(removeProjects);

const ID = 'https://w3id.org/iscm/id/';
const MINIMAL = `${ID}process/minimal`;
const minimal = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/valid/minimal.yaml'), 'utf8');
/** The minimal record with a member added, a meeting moved a day earlier and its English name changed. */
const edited = minimal
  .replace('declared_count: 2', 'declared_count: 3')
  .replace('      - Chili\n', '      - Chili\n      - France\n')
  .replace('start: 2004-12-16', 'start: 2004-12-15')
  .replace('en: Minimal Test Dialogue', 'en: Minimal Test Forum');

/** The N-Triples a build of the given mechanism records would publish (without SHACL, which these tests do not need). */
function ntriplesOf(records: Record<string, string>): string {
  const files = Object.fromEntries(Object.entries(records).map(([id, text]) => [`sources/mechanisms/${id}.yaml`, text]));
  const result = runStages(makeProject({ remove: ['sources/mechanisms'], files }));
  if (result.stage !== 'done') throw new Error(JSON.stringify(result.diagnostics));
  return toNTriples(canonicalTriples(result.graphs!.flatMap((g) => g.quads)));
}

function graphOf(nt: string): Graph {
  const triples = nt
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => /^<([^>]*)> <([^>]*)> (.*) \.$/.exec(line)!)
    .map(([, s, p, o]) => ({
      subject: s,
      predicate: p,
      object: o.startsWith('<') ? toValue({ termType: 'NamedNode', value: o.slice(1, -1) }) : literal(o),
    }));
  return new Graph(triples);
}

function literal(o: string) {
  const m = /^("(?:[^"\\]|\\.)*")(?:@([a-z-]+)|\^\^<([^>]*)>)?$/.exec(o)!;
  return toValue({ termType: 'Literal', value: JSON.parse(m[1]), language: m[2] ?? '', datatype: { value: m[3] ?? '' } });
}

let before: string;
let after: string;
let withSecond: string;
beforeAll(() => {
  before = ntriplesOf({ minimal });
  after = ntriplesOf({ minimal: edited });
  withSecond = ntriplesOf({ minimal, second: minimal.replace(/^id: minimal$/m, 'id: second') });
});

const changesOf = (a: string, b: string, resource: string): Change[] =>
  semanticDiff(graphOf(a), graphOf(b)).resources.find((r) => r.iri === resource)?.changes ?? [];

describe('the semantic diff', () => {
  it('finds no differences between a build and itself', () => {
    expect(semanticDiff(graphOf(before), graphOf(before)).resources).toEqual([]);
  });

  it('tells a member added to a mechanism, under that mechanism', () => {
    expect(changesOf(before, after, MINIMAL)).toContainEqual(
      expect.objectContaining({ change: 'added', kind: 'membership', member: `${ID}state/FRA`, role: 'member-state', text: expect.stringMatching(/^member added: France as member-state/) }),
    );
  });

  it('tells a member removed from a mechanism', () => {
    expect(changesOf(after, before, MINIMAL)).toContainEqual(expect.objectContaining({ change: 'removed', kind: 'membership', member: `${ID}state/FRA` }));
  });

  it("tells a meeting's start date changed, with the old and the new date", () => {
    expect(changesOf(before, after, MINIMAL)).toContainEqual(
      expect.objectContaining({
        change: 'changed',
        subject: `${MINIMAL}/meeting/2004-12-16-berne`,
        kind: 'meeting',
        property: 'http://schema.org/startDate',
        from: '2004-12-16',
        to: '2004-12-15',
        text: 'meeting/2004-12-16-berne: start date changed from 2004-12-16 to 2004-12-15',
      }),
    );
  });

  it('tells a label changed, in its language', () => {
    expect(changesOf(before, after, MINIMAL)).toContainEqual(
      expect.objectContaining({
        change: 'changed',
        subject: MINIMAL,
        property: 'http://www.w3.org/2004/02/skos/core#prefLabel',
        lang: 'en',
        from: 'Minimal Test Dialogue',
        to: 'Minimal Test Forum',
      }),
    );
  });

  it('tells the counts of the list that changed with the member', () => {
    const counts = changesOf(before, after, MINIMAL).filter((c) => c.kind === 'participant list').map((c) => [c.property?.replace(/^.*#/, ''), c.from, c.to]);
    expect(counts).toEqual([
      ['declaredCount', '2', '3'],
      ['listedCount', '2', '3'],
    ]);
  });

  it('tells a new mechanism as one change, with its parts counted rather than listed', () => {
    const diff = semanticDiff(graphOf(before), graphOf(withSecond));
    const second = diff.resources.find((r) => r.iri === `${ID}process/second`)!;
    expect(second.status).toBe('added');
    expect(second.changes).toHaveLength(1);
    expect(second.changes[0]).toMatchObject({ change: 'added', kind: 'mechanism' });
    expect(second.changes[0].text).toMatch(/^mechanism added: "Minimal Test Dialogue", with /);
    expect(second.changes[0].text).toContain('2 memberships');
    expect(second.changes[0].text).toContain('1 meeting,');
    expect(diff.resources.map((r) => r.iri)).toEqual([`${ID}process/second`]);
    expect(renderDiff(diff, false)).toMatch(new RegExp(`^\\+ mechanism added: "Minimal Test Dialogue", with .* <${ID}process/second>$`, 'm'));
  });

  it('says it in words, grouped by resource, the same whatever the order of the triples', () => {
    const shuffled = after.split('\n').reverse().join('\n');
    const text = renderDiff(semanticDiff(graphOf(before), graphOf(shuffled)), false);
    expect(text).toBe(renderDiff(semanticDiff(graphOf(before), graphOf(after)), false));
    const lines = text.split('\n');
    const block = lines.indexOf(`~ Minimal Test Forum (mechanism) <${MINIMAL}>`);
    expect(block).toBeGreaterThan(0);
    expect(lines.slice(block + 1)).toContain('    ~ meeting/2004-12-16-berne: start date changed from 2004-12-16 to 2004-12-15');
    expect(text).not.toMatch(/\x1b\[/);
  });
});

describe.concurrent('iscm diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iscm-diff-'));
  const write = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it('compares two dumps, in words or as JSON', async () => {
    const a = write('a.nt', before);
    const b = write('b.nt', after);
    const words = await iscm(dir, ['diff', a, b]);
    expect(words.status).toBe(0);
    expect(words.stdout).toBe(renderDiff(semanticDiff(graphOf(before), graphOf(after)), false));
    const json = await iscm(dir, ['diff', '--json', a, b]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(semanticDiff(graphOf(before), graphOf(after)))));
  });

  it('reads an output folder as its iscm.nt', async () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    writeFileSync(join(dir, 'folder/iscm.nt'), after);
    const result = await iscm(dir, ['diff', '--json', write('c.nt', after), join(dir, 'folder')]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).resources).toEqual([]);
  });

  it('is a usage error without two builds, or with one that does not exist', async () => {
    expect((await iscm(dir, ['diff', write('d.nt', before)])).status).toBe(2);
    expect((await iscm(dir, ['diff', join(dir, 'missing.nt'), write('e.nt', before)])).status).toBe(2);
  });

  it('is a data error, unreadable-dump, for a dump that does not parse', async () => {
    const result = await iscm(dir, ['diff', write('broken.nt', '<a> <b> .\n'), write('f.nt', before)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/: error unreadable-dump: /);
  });
});

describe('scripts/diff-sources.sh', () => {
  it('prints, in words, what the last commit changing sources/ does to output/', () => {
    // A checkout of its own: the script, the CLI and a history of two commits.
    const repo = mkdtempSync(join(tmpdir(), 'iscm-repo-'));
    for (const path of ['scripts', 'bin', 'pipeline', 'package.json']) cpSync(join(PROJECT_ROOT, path), join(repo, path), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, stdio: 'pipe' });
    const commit = (record: string, nt: string, message: string) => {
      mkdirSync(join(repo, 'sources/mechanisms'), { recursive: true });
      mkdirSync(join(repo, 'output'), { recursive: true });
      writeFileSync(join(repo, 'sources/mechanisms/minimal.yaml'), record);
      writeFileSync(join(repo, 'output/iscm.nt'), nt);
      git('add', '-A');
      git('commit', '-q', '-m', message);
    };
    git('init', '-q');
    commit(minimal, before, 'first');
    commit(edited, after, 'edit minimal');
    const out = execFileSync(join(repo, 'scripts/diff-sources.sh'), { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '' } });
    expect(out).toMatch(/^diff-sources: what the changes to sources\/ since \w+ do to the data$/m);
    expect(out).toContain('    + member added: France as member-state');
    expect(out).toContain('start date changed from 2004-12-16 to 2004-12-15');
  });
});
