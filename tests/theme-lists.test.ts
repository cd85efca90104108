// What the real sources do not exercise: a theme group that does not say whether it is complete,
// with a section heading and a note, and a founding year with a note but no rival value. The
// small valid record is changed accordingly, mapped, and checked with the SHACL shapes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, parseShapes } from '../pipeline/check/index.ts';
import { canonicalTriples } from '../pipeline/serialize/order.ts';
import { makeProject, PROJECT_ROOT, removeProjects, runStages, type StagesResult } from './helpers/project.ts';

const ID = 'https://w3id.org/iscm/id/process/minimal';
const ISCM = 'https://w3id.org/iscm/def/iscm#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const NOTE = 'http://www.w3.org/2004/02/skos/core#note';
const BOOLEAN = 'http://www.w3.org/2001/XMLSchema#boolean';

const record = readFileSync(new URL('./fixtures/valid/minimal.yaml', import.meta.url), 'utf8')
  .replace(
    '  - heading_as_printed: Thematic areas\n    lang: en\n    complete: true\n',
    '  - heading_as_printed: Thematic areas\n    section_as_printed: What we do\n    lang: en\n    note: the page ends here\n',
  )
  .replace('  - year: 2001\n    source: [main]\n', '  - year: 2001\n    source: [main]\n    note: launched in June\n');

let result: StagesResult;
let quads: Quad[];
const objects = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

beforeAll(() => {
  result = runStages(makeProject({ remove: ['sources/mechanisms'], files: { 'sources/mechanisms/minimal.yaml': record } }));
  quads = (result.graphs ?? []).flatMap((g) => g.quads);
});
afterAll(removeProjects);

describe('a theme group whose completeness the record does not state', () => {
  it('is the record under test, and maps without diagnostics', () => {
    expect(record).toContain('    section_as_printed: What we do\n    lang: en\n    note: the page ends here\n    source: [main]\n    items:');
    expect(record).toContain('note: launched in June');
    expect(result.diagnostics).toEqual([]);
  });

  it('is published as a theme list that is not complete, with both headings and the note', () => {
    const list = `${ID}/theme/main/1`;
    expect(objects(ID, `${ISCM}themeList`).map((o) => o.value)).toEqual([list]);
    expect(objects(list, `${RDF}type`).map((o) => o.value).sort()).toEqual([`${ISCM}PrintedList`, `${ISCM}ThemeList`]);
    expect(objects(list, `${ISCM}isComplete`).map((o) => o.id)).toEqual([`"false"^^${BOOLEAN}`]);
    expect(objects(list, `${ISCM}listedCount`).map((o) => o.value)).toEqual(['1']);
    expect(objects(list, `${ISCM}headingAsPrinted`).map((o) => o.id).sort()).toEqual(['"Thematic areas"@en', '"What we do"@en']);
    expect(objects(list, NOTE).map((o) => o.id)).toEqual(['"the page ends here"@en']);
    expect(objects(`${list}/integration`, `${ISCM}inList`).map((o) => o.value)).toEqual([list]);
  });

  it('keeps the note of the only founding year on a statement of that year', () => {
    const statements = quads.filter((q) => q.predicate.value === NOTE && q.object.value === 'launched in June').map((q) => q.subject.value);
    expect(statements).toHaveLength(1);
    expect(objects(statements[0], `${RDF}subject`).map((o) => o.value)).toEqual([ID]);
    expect(objects(statements[0], `${RDF}object`).map((o) => o.value)).toEqual(['2001']);
  });

  it('conforms to the shapes', async () => {
    const shapes = parseShapes(readFileSync(join(PROJECT_ROOT, 'ontology', 'shapes.ttl'), 'utf8'));
    expect(await check(canonicalTriples(quads), result.graphs!, shapes)).toEqual([]);
  });
});
