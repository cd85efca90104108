// The form of pipeline/check/shacl.ts results: plain data, engine-independent, sorted.

import { describe, expect, it } from 'vitest';
import { ENGINE, parseTurtle, validate, validateWith, type ShaclResult } from '../../pipeline/check/shacl.ts';

const PREFIXES = `
@prefix sh:  <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex:  <http://example.org/> .
`;

const SHAPES = parseTurtle(`${PREFIXES}
ex:ThingShape a sh:NodeShape ;
  sh:targetClass ex:Thing ;
  sh:property ex:Thing-label , ex:Thing-parentName , ex:Thing-child , ex:Thing-either , ex:Thing-ancestor , ex:Thing-count ;
  sh:property [ sh:path ex:anonymous ; sh:maxCount 0 ] .

ex:Thing-label a sh:PropertyShape ; sh:path ex:label ; sh:languageIn ( "fr" ) ;
  sh:severity sh:Warning ; sh:message "label in French" .
ex:Thing-parentName a sh:PropertyShape ; sh:path ( ex:parent ex:name ) ; sh:minCount 1 ;
  sh:message "parent has a name" .
ex:Thing-child a sh:PropertyShape ; sh:path [ sh:inversePath ex:parent ] ; sh:maxCount 1 ;
  sh:severity sh:Info ; sh:message "at most one child" .
ex:Thing-either a sh:PropertyShape ; sh:path [ sh:alternativePath ( ex:a ex:b ) ] ; sh:maxCount 1 ;
  sh:message "a or b, once" .
ex:Thing-ancestor a sh:PropertyShape ; sh:path [ sh:oneOrMorePath ex:parent ] ; sh:class ex:Thing ;
  sh:message "ancestors are things" .
ex:Thing-count a sh:PropertyShape ; sh:path ex:count ; sh:datatype xsd:integer ;
  sh:message "count is an integer" .
`);

const DATA = parseTurtle(`${PREFIXES}
ex:x a ex:Thing ; ex:label "x"@en ; ex:parent ex:p ; ex:a 1 ; ex:b 2 ; ex:count "2.5"^^xsd:decimal , "two" ;
  ex:anonymous true .
ex:p ex:parent ex:q .
ex:c1 ex:parent ex:x .
ex:c2 ex:parent ex:x .
`);

const EX = 'http://example.org/';
const SH = 'http://www.w3.org/ns/shacl#';

describe('validate', () => {
  it('returns plain, sorted, engine-independent results', async () => {
    const results = await validate(DATA, SHAPES);
    const byShape = (local: string) => results.filter((r) => r.shape === EX + local);

    expect(byShape('Thing-label')).toEqual<ShaclResult[]>([
      {
        focusNode: `${EX}x`,
        path: `${EX}label`,
        value: '"x"@en',
        shape: `${EX}Thing-label`,
        constraint: `${SH}LanguageInConstraintComponent`,
        severity: 'warning',
        message: 'label in French',
      },
    ]);
    expect(byShape('Thing-parentName').map((r) => r.path)).toEqual([`<${EX}parent>/<${EX}name>`]);
    expect(byShape('Thing-child').map((r) => [r.path, r.severity])).toEqual([[`^<${EX}parent>`, 'info']]);
    expect(byShape('Thing-either').map((r) => r.path)).toEqual([`(<${EX}a>|<${EX}b>)`]);
    expect(byShape('Thing-ancestor').map((r) => [r.path, r.value])).toEqual([
      [`<${EX}parent>+`, `${EX}p`],
      [`<${EX}parent>+`, `${EX}q`],
    ]);
    expect(byShape('Thing-count').map((r) => r.value)).toEqual([
      '"2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
      '"two"',
    ]);
    // A blank-node shape is not named: its blank node label would differ from run to run.
    const anonymous = results.filter((r) => r.path === `${EX}anonymous`);
    expect(anonymous).toHaveLength(1);
    expect(anonymous[0]!.shape).toBeUndefined();
    expect(anonymous[0]!.message.length).toBeGreaterThan(0);

    const fields = ['focusNode', 'path', 'constraint', 'shape', 'value'] as const;
    for (let i = 1; i < results.length; i++) {
      const a = results[i - 1]!;
      const b = results[i]!;
      const first = fields.find((f) => (a[f] ?? '') !== (b[f] ?? ''));
      if (first) expect((a[first] ?? '') < (b[first] ?? ''), `${first} order at ${i}`).toBe(true);
    }
    expect(await validate(DATA, SHAPES)).toEqual(results);
  });

  it('gives the same results with both engines on this graph', async () => {
    expect(ENGINE).toBe('shacl-engine');
    const a = await validateWith('shacl-engine', DATA, SHAPES);
    const b = await validateWith('rdf-validate-shacl', DATA, SHAPES);
    expect(b).toEqual(a);
  });
});
