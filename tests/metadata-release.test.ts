// sources/release.yaml: relative IRIs follow the base, and a mistake in the file is a located
// diagnostic with a stable code that stops the build before anything is written.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../pipeline/cli/build.ts';
import { load, type SourceFileInfo } from '../pipeline/load/index.ts';
import { parseYaml } from '../pipeline/load/yaml.ts';
import { checkExamples, readRelease } from '../pipeline/validate/release.ts';
import { makeProject, PROJECT_ROOT, removeProjects } from './helpers/project.ts';

const FILE = 'sources/release.yaml';
const original = readFileSync(join(PROJECT_ROOT, FILE), 'utf8');
const files: SourceFileInfo[] = load(PROJECT_ROOT).project!.files;

afterAll(removeProjects);

function read(text: string, base = 'https://w3id.org/iscm/') {
  const parsed = parseYaml(FILE, text);
  expect(parsed.diagnostics).toEqual([]);
  return readRelease(parsed.source!, base, files);
}

/** The release file with one line replaced, and the line number it had. */
function edited(from: RegExp, to: string): { text: string; line: number } {
  const lines = original.split('\n');
  const i = lines.findIndex((l) => from.test(l));
  expect(i, String(from)).toBeGreaterThanOrEqual(0);
  lines[i] = to;
  return { text: lines.join('\n'), line: i + 1 };
}

describe('sources/release.yaml', () => {
  it('resolves its relative IRIs against the base', () => {
    for (const base of ['https://w3id.org/iscm/', 'https://example.org/data/']) {
      const { release, diagnostics } = read(original, base);
      expect(diagnostics).toEqual([]);
      expect(release!.landingPage).toBe(base);
      expect(release!.downloadBase).toBe(`${base}download/`);
      expect(release!.sparqlEndpoint).toBe(`${base}sparql`);
      expect(release!.exampleResources).toContain(`${base}id/process/berne-initiative`);
    }
  });

  const cases: [string, RegExp, string, string][] = [
    ['an impossible issue date', /^issued:/, 'issued: 2026-02-30', 'impossible-date'],
    ['an issue date with a time', /^issued:/, 'issued: 2026-11-28T10:00:00Z', 'bad-format'],
    ['a version that is not MAJOR.MINOR.PATCH', /^version:/, 'version: "1.0"', 'bad-format'],
    ['an absolute SPARQL endpoint (it must follow the base)', /^sparql_endpoint:/, 'sparql_endpoint: https://example.org/sparql', 'bad-format'],
    ['a licence that is not listed', /^licence:/, 'licence: https://creativecommons.org/licenses/by-sa/4.0/', 'unknown-licence'],
    ['a reused file the build does not read', /^ {4}file:/, '    file: sources/reference/elsewhere.csv', 'missing-reference'],
    ['an unknown key', /^downloads:/, 'download: ./', 'unknown-key'],
  ];
  for (const [what, from, to, code] of cases)
    it(`reports ${what} as ${code}, at its line`, () => {
      const { text, line } = edited(from, to);
      const { release, diagnostics } = read(text);
      expect(release).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.file, d.line])).toContainEqual([code, FILE, line]);
    });

  it('reports a missing issue date as missing-key', () => {
    const { text } = edited(/^issued:/, '');
    expect(read(text).diagnostics.map((d) => d.code)).toContain('missing-key');
  });

  it('reports an example resource the data does not describe, at its line', () => {
    const { release } = read(original);
    const described = new Set(release!.exampleResources.slice(1));
    const diagnostics = checkExamples(release!, described);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['missing-reference', original.split('\n').indexOf('  - id/process/berne-initiative') + 1]]);
    expect(checkExamples(release!, new Set(release!.exampleResources))).toEqual([]);
  });

  it('stops the build with exit code 1 and writes nothing', async () => {
    const root = makeProject({ files: { [FILE]: edited(/^issued:/, 'issued: 2026-13-01').text } });
    const out = join(root, 'output');
    expect(await runBuild({ root, out, base: 'https://w3id.org/iscm/', quiet: true })).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
