// Stage 3, reconcile: exact matches against the country table, reviewed aliases, unresolved
// names, ambiguous names and the country corrections. Each test runs on a copy of the project
// whose only mechanism is written here, plus an alias file of the test's own.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BASE, makeIris } from '../pipeline/iri.ts';
import { load, type LoadedProject } from '../pipeline/load/index.ts';
import { countryNameIndex, readCountries } from '../pipeline/reconcile/countries.ts';
import type { Occurrence, Reconciled } from '../pipeline/reconcile/index.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages, type StagesResult } from './helpers/project.ts';

afterAll(removeProjects);

const MECHANISM = `id: reconcile-test
name:
  en: Reconciliation Test Dialogue
sources:
  - id: main
    url: https://example.org/reconcile-test
    main: true
participants:
  - role: member-state
    lang: fr
    complete: false
    source: [main]
    listed:
      - Suisse
      - Pays-Bas
      - Namibie
  - role: member-state
    part: english
    lang: en
    complete: false
    source: [main]
    listed:
      - Chile
  - role: chair
    lang: fr
    complete: true
    source: [main]
    listed:
      - Confédération helvétique
  - role: secretariat
    lang: fr
    complete: true
    source: [main]
    listed:
      - Groupe des amis de la migration
`;

const ALIASES = `- name: Confédération helvétique
  lang: fr
  kind: state
  target: CHE
  reason: the formal name of Switzerland (test alias)
- name: Groupe des amis de la migration
  lang: fr
  kind: organization
  unresolved: no reference organisation is known to be this group (test alias)
`;

function run(files: Record<string, string>): StagesResult {
  return runStages(makeProject({ remove: ['sources/mechanisms'], files }));
}

const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('reconcile', () => {
  let result: StagesResult;
  let rec: Reconciled;
  let occurrence: (name: string) => Occurrence | undefined;

  beforeAll(() => {
    result = run({
      'sources/mechanisms/reconcile-test.yaml': MECHANISM,
      'sources/reference/aliases/zz-reconcile-test.yaml': ALIASES,
    });
    expect(result.diagnostics).toEqual([]);
    rec = result.reconciled!;
    occurrence = (name) => rec.occurrences.find((o) => o.mechanism === 'reconcile-test' && o.name === name);
  });

  it('matches a French UNSD name exactly', () => {
    expect(rec.resolve('Suisse', 'fr', ['state'])).toEqual({ target: { kind: 'state', id: 'CHE' }, method: 'exact' });
    expect(occurrence('Suisse')).toMatchObject({
      file: 'sources/mechanisms/reconcile-test.yaml',
      line: line(MECHANISM, '- Suisse'),
      column: 9,
      context: 'member-state',
      resolution: { target: { kind: 'state', id: 'CHE' }, method: 'exact' },
    });
  });

  it('matches an English name exactly', () => {
    expect(occurrence('Chile')?.resolution).toEqual({ target: { kind: 'state', id: 'CHL' }, method: 'exact' });
  });

  it('matches an UNTERM short name without its article exactly', () => {
    // "Pays-Bas (les)" in UNTERM French Short; the UNSD French name is "Pays-Bas (Royaume des)".
    expect(occurrence('Pays-Bas')?.resolution).toEqual({ target: { kind: 'state', id: 'NLD' }, method: 'exact' });
    expect(rec.resolve('Pays-Bas (les)', 'fr', ['state'])).toBeUndefined();
  });

  it('resolves a reviewed alias, in its language only', () => {
    expect(occurrence('Confédération helvétique')?.resolution).toMatchObject({
      target: { kind: 'state', id: 'CHE' },
      method: 'alias',
    });
    expect(rec.resolve('Confédération helvétique', 'en', ['state'])).toBeUndefined();
    // An alias of a state does not resolve where only organisations may stand.
    expect(rec.resolve('Confédération helvétique', 'fr', ['organization'])).toBeUndefined();
  });

  it('turns an unresolved alias into an agent id/agent/<slug>', () => {
    const slug = 'groupe-des-amis-de-la-migration';
    expect(occurrence('Groupe des amis de la migration')?.resolution).toMatchObject({
      target: { kind: 'agent', id: slug },
      method: 'unresolved',
    });
    expect(rec.unresolved.get(slug)).toMatchObject({ name: 'Groupe des amis de la migration', lang: 'fr' });

    const agent = `${DEFAULT_BASE}id/agent/${slug}`;
    expect(makeIris().agent({ kind: 'agent', id: slug })).toBe(agent);
    const quads = result.graphs!.flatMap((g) => g.quads);
    expect(quads.some((q) => q.subject.value === agent && q.object.value === `${DEFAULT_BASE}def/iscm#UnresolvedAgent`)).toBe(true);
    expect(quads.some((q) => q.predicate.value === 'http://www.w3.org/ns/org#member' && q.object.value === agent)).toBe(true);
  });

  it('gives Namibia the Wikidata id of the country correction, Q1030', () => {
    const nam = rec.countries.get('NAM')!;
    expect(nam.alpha2).toBe('NA');
    expect(nam.wikidata).toBe('Q1030');
    expect(occurrence('Namibie')?.resolution).toEqual({ target: { kind: 'state', id: 'NAM' }, method: 'exact' });
    const quads = result.graphs!.flatMap((g) => g.quads);
    expect(
      quads.some(
        (q) =>
          q.subject.value === `${DEFAULT_BASE}id/state/NAM` &&
          q.predicate.value === 'http://www.w3.org/2004/02/skos/core#exactMatch' &&
          q.object.value === 'http://www.wikidata.org/entity/Q1030',
      ),
    ).toBe(true);
  });
});

describe('the country table', () => {
  let project: LoadedProject;
  beforeAll(() => {
    project = load(makeProject()).project!;
  });

  it('is read from the copied table, where Namibia has no Wikidata id before the correction', () => {
    const raw = project.countries.rows.find((r) => r.cells['ISO3166-1-Alpha-3'] === 'NAM')!;
    expect(raw.cells['ISO3166-1-Alpha-2']).toBe('NA');
    expect(raw.cells.wikidata_id).toBe('');
    expect(readCountries(project.countries, { file: 'none', rows: [] }).get('NAM')!.wikidata).toBeUndefined();
    expect(readCountries(project.countries, project.corrections).get('NAM')!.wikidata).toBe('Q1030');
  });

  it('indexes names of one country only', () => {
    const index = countryNameIndex(project.countries, project.corrections);
    expect(index.get('Suisse')).toBe('CHE');
    expect(index.get('Pays-Bas')).toBe('NLD');
    expect(index.get('Congo')).toBe('COG');
    const twice = {
      ...project.countries,
      rows: project.countries.rows.map((r) =>
        r.cells['ISO3166-1-Alpha-3'] === 'COD' ? { ...r, cells: { ...r.cells, 'CLDR display name': 'Congo' } } : r,
      ),
    };
    expect(countryNameIndex(twice, project.corrections).has('Congo')).toBe(false);
  });
});

describe('an ambiguous name', () => {
  // Give the DR Congo (COD) the CLDR name "Congo", which the Republic of the Congo (COG) already
  // has as its UNSD names: the index then maps "Congo" to two countries.
  const csv = readFileSync(join(PROJECT_ROOT, 'sources/reference/countries.csv'), 'utf8');
  const ambiguousCsv = csv.replace('Congo - Kinshasa', 'Congo');
  const mechanism = MECHANISM.replace('      - Namibie\n', '      - Congo\n');

  it('is set up: the table changes in one cell', () => {
    expect(csv.split('Congo - Kinshasa').length).toBe(2);
  });

  it('never resolves exactly: with no alias it is unresolved-name at its place', () => {
    const r = run({
      'sources/reference/countries.csv': ambiguousCsv,
      'sources/mechanisms/reconcile-test.yaml': mechanism,
      'sources/reference/aliases/zz-reconcile-test.yaml': ALIASES,
    });
    expect(r.stage).toBe('reconcile');
    expect(r.diagnostics.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual([
      { code: 'unresolved-name', file: 'sources/mechanisms/reconcile-test.yaml', line: line(mechanism, '- Congo'), column: 9 },
    ]);
  });

  it('resolves only through a reviewed alias', () => {
    const r = run({
      'sources/reference/countries.csv': ambiguousCsv,
      'sources/mechanisms/reconcile-test.yaml': mechanism,
      'sources/reference/aliases/zz-reconcile-test.yaml': `${ALIASES}- name: Congo
  lang: fr
  kind: state
  target: COG
  reason: the page lists the Republic of the Congo under this name (test alias)
`,
    });
    expect(r.diagnostics).toEqual([]);
    const congo = r.reconciled!.occurrences.find((o) => o.name === 'Congo');
    expect(congo?.resolution).toMatchObject({ target: { kind: 'state', id: 'COG' }, method: 'alias' });
  });
});
