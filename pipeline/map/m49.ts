// The UN M49 areas as a SKOS scheme, built from the country table's world, region, sub-region
// and intermediate-region columns, so that "members by region" is one query over
// iscm:m49Area. The table names areas in English only: no French name is made up for them.

import { error, type Diagnostic } from '../diagnostics.ts';
import type { Iris } from '../iri.ts';
import type { Table } from '../load/index.ts';
import type { Country } from '../reconcile/countries.ts';
import { GraphBuilder, iri, plain, text, type RecordGraph } from './graph.ts';
import { SKOS } from './vocab.ts';

const SCHEME = {
  labels: { fr: 'Zones M49 des Nations Unies', en: 'United Nations M49 areas' },
  definitions: {
    fr: "Le monde, les régions, les sous-régions et les régions intermédiaires de la norme M49 de la Division de statistique des Nations Unies, tels que la table des pays les donne. La table ne nomme les zones qu'en anglais ; leurs noms ne sont pas traduits.",
    en: 'The world, regions, sub-regions and intermediate regions of the M49 standard of the United Nations Statistics Division, as the country table gives them. The table names the areas in English only; their names are not translated.',
  },
};

interface Area {
  name: string;
  /** The code of the area it lies in; undefined for the world. */
  parent?: string;
  /** The country whose row first gave the area, to point a diagnostic at. */
  firstSeenIn: string;
}

export function mapM49(countries: Map<string, Country>, table: Table, iris: Iris): { graph: RecordGraph; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lineOf = new Map(table.rows.map((r) => [r.cells['ISO3166-1-Alpha-3'], r.line]));
  const at = (alpha3: string) => ({ file: table.file, line: lineOf.get(alpha3) ?? 1, column: 1 });
  const areas = new Map<string, Area>();
  for (const [alpha3, c] of countries)
    c.areas.forEach((a, i) => {
      const parent = c.areas[i - 1]?.code;
      const known = areas.get(a.code);
      if (!known) areas.set(a.code, { name: a.name, parent, firstSeenIn: alpha3 });
      else if (known.name !== a.name || known.parent !== parent)
        diagnostics.push(
          error(
            'conflicting-m49-area',
            `M49 area ${a.code} is "${a.name}" in ${parent ?? 'no area'} here, but "${known.name}" in ${known.parent ?? 'no area'} in the row of ${known.firstSeenIn}`,
            at(alpha3),
          ),
        );
    });

  const g = new GraphBuilder('m49');
  const S = g.at(iris.m49Scheme, { file: table.file, line: 1, column: 1 });
  g.types(S, SKOS('ConceptScheme'));
  g.add(S, SKOS('prefLabel'), text(SCHEME.labels.fr, 'fr'), text(SCHEME.labels.en, 'en'));
  g.add(S, SKOS('definition'), text(SCHEME.definitions.fr, 'fr'), text(SCHEME.definitions.en, 'en'));
  for (const code of [...areas.keys()].sort()) {
    const a = areas.get(code)!;
    const C = g.at(iris.m49Area(code), at(a.firstSeenIn));
    g.types(C, SKOS('Concept'));
    g.add(C, SKOS('inScheme'), iri(S));
    g.add(C, SKOS('prefLabel'), text(a.name, 'en'));
    g.add(C, SKOS('notation'), plain(code));
    if (a.parent) {
      g.add(C, SKOS('broader'), iri(iris.m49Area(a.parent)));
      g.add(iris.m49Area(a.parent), SKOS('narrower'), iri(C));
    } else {
      g.add(C, SKOS('topConceptOf'), iri(S));
      g.add(S, SKOS('hasTopConcept'), iri(C));
    }
  }
  return { graph: g.build(), diagnostics };
}
