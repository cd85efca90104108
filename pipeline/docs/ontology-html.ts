// output/ontology/index.html: the ontology's documentation in French and English, generated from
// the published ontology and the data, so that it can never drift from iscm.ttl. Every class,
// property and concept scheme gets its labels, definitions, domain, range and examples from the
// data. Everything that comes from the RDF is HTML-escaped.

import type { Quad, Term } from 'n3';
import type { Iris } from '../iri.ts';
import { DCT, OWL, RDF, RDFS, SKOS, XSD } from '../map/vocab.ts';
import { cmp } from '../serialize/order.ts';
import { prefixes } from '../serialize/turtle.ts';
import { escapeHtml } from '../serve/html/escape.ts';
import { curie as prefixed } from '../serve/html/terms.ts';

export interface OntologyDocInput {
  /** The ontology as published (serialize/ontology.ts). */
  ontology: readonly Quad[];
  /** The data, in canonical order, for examples and concept schemes. */
  data: readonly Quad[];
  iris: Iris;
  /** The ontology's files, relative to the page. */
  downloads: readonly string[];
}

type Bilingual = { fr: string; en: string };

const KINDS: { type: string; name: Bilingual }[] = [
  { type: OWL('Class'), name: { fr: 'Classe', en: 'Class' } },
  { type: OWL('ObjectProperty'), name: { fr: "Propriété d'objet", en: 'Object property' } },
  { type: OWL('DatatypeProperty'), name: { fr: 'Propriété de données', en: 'Datatype property' } },
  { type: OWL('AnnotationProperty'), name: { fr: "Propriété d'annotation", en: 'Annotation property' } },
];
export const EXAMPLES = 3;
const LONGEST_LITERAL = 160;

/**
 * The triples of `data` (in canonical order) that the page shows or looks up: the first
 * instances of each class, the first uses of each property, and the concept schemes with their
 * concepts' notations, labels and definitions. The page made from them is the page made from
 * all of `data`, and the examples of a union are the examples of the union of the parts'
 * examples, so that the build never needs the whole graph in memory for the page.
 */
export function exampleTriples(data: Iterable<Quad>): Quad[] {
  const instances = new Map<string, Set<string>>();
  const uses = new Map<string, number>();
  const concepts = new Set<string>();
  const all = [...data];
  for (const q of all)
    if (q.predicate.value === RDF('type') && (q.object.value === SKOS('Concept') || q.object.value === SKOS('ConceptScheme'))) concepts.add(q.subject.value);
  return all.filter((q) => {
    const p = q.predicate.value;
    let keep = false;
    if (p === RDF('type')) {
      const xs = instances.get(q.object.value) ?? new Set<string>();
      instances.set(q.object.value, xs);
      if (xs.size < EXAMPLES) xs.add(q.subject.value);
      keep = xs.has(q.subject.value) || q.object.value === SKOS('ConceptScheme');
    }
    const n = uses.get(p) ?? 0;
    if (n < EXAMPLES) keep = true;
    uses.set(p, n + 1);
    if (p === SKOS('inScheme')) keep = true;
    if ((p === SKOS('prefLabel') || p === SKOS('definition') || p === SKOS('notation')) && concepts.has(q.subject.value)) keep = true;
    return keep;
  });
}

const both = (b: Bilingual) => `<span lang="fr">${escapeHtml(b.fr)}</span> · <span lang="en">${escapeHtml(b.en)}</span>`;

export function ontologyHtml(input: OntologyDocInput): string {
  const { iris } = input;
  const ns = iris.term('');
  const about = new Map<string, Quad[]>();
  for (const q of input.ontology) about.set(q.subject.value, [...(about.get(q.subject.value) ?? []), q]);
  const values = (s: string, p: string) => (about.get(s) ?? []).filter((q) => q.predicate.value === p).map((q) => q.object);
  const inLang = (terms: Term[], lang: string) =>
    terms
      .filter((t) => t.termType === 'Literal' && t.language === lang)
      .map((t) => escapeHtml(t.value))
      .join(' / ') || '—';

  const known = prefixes(iris);
  const curie = (iri: string) => prefixed(iri, known);
  const link = (iri: string) =>
    `<a href="${escapeHtml(iri.startsWith(ns) ? `#${iri.slice(ns.length)}` : iri)}"><code>${escapeHtml(curie(iri))}</code></a>`;
  const show = (t: Term): string => {
    if (t.termType === 'NamedNode') return link(t.value);
    if (t.termType !== 'Literal') throw new Error(`no ${t.termType} may reach the documentation`);
    const value = t.value.length > LONGEST_LITERAL ? `${t.value.slice(0, LONGEST_LITERAL)}…` : t.value;
    const tag = t.language ? `@${t.language}` : t.datatype.value === XSD('string') ? '' : `^^${curie(t.datatype.value)}`;
    return `<code>${escapeHtml(JSON.stringify(value))}${escapeHtml(tag)}</code>`;
  };
  const list = (terms: Term[]) => (terms.length ? terms.map(show).join(', ') : '—');

  // Examples: the first instances of each class and the first uses of each property, in the
  // canonical order of the data, so that the page is the same on every build.
  const instances = new Map<string, string[]>();
  const uses = new Map<string, Quad[]>();
  const schemes: string[] = [];
  const inScheme = new Map<string, string[]>();
  const dataAbout = new Map<string, Quad[]>();
  for (const q of input.data) {
    const p = q.predicate.value;
    if (p === RDF('type')) {
      const xs = instances.get(q.object.value) ?? [];
      if (xs.length < EXAMPLES && !xs.includes(q.subject.value)) instances.set(q.object.value, [...xs, q.subject.value]);
      if (q.object.value === SKOS('ConceptScheme')) schemes.push(q.subject.value);
    }
    const us = uses.get(p) ?? [];
    if (us.length < EXAMPLES) uses.set(p, [...us, q]);
    if (p === SKOS('inScheme')) inScheme.set(q.object.value, [...(inScheme.get(q.object.value) ?? []), q.subject.value]);
    if (p === SKOS('prefLabel') || p === SKOS('definition') || p === SKOS('notation'))
      dataAbout.set(q.subject.value, [...(dataAbout.get(q.subject.value) ?? []), q]);
  }
  const dataValues = (s: string, p: string) => (dataAbout.get(s) ?? []).filter((q) => q.predicate.value === p).map((q) => q.object);

  const terms = KINDS.map((k) => ({
    kind: k,
    iris: [...new Set(input.ontology.filter((q) => q.predicate.value === RDF('type') && q.object.value === k.type && q.subject.value.startsWith(ns)).map((q) => q.subject.value))].sort(cmp),
  }));

  const row = (th: Bilingual, fr: string, en: string) => `<tr><th>${both(th)}</th><td lang="fr">${fr}</td><td lang="en">${en}</td></tr>`;
  const fact = (dt: Bilingual, dd: string) => `<dt>${both(dt)}</dt><dd>${dd}</dd>`;
  const labelsTable = (labels: Term[], definitions: Term[]) =>
    [
      '<table>',
      `<tr><td></td><th lang="fr">Français</th><th lang="en">English</th></tr>`,
      row({ fr: 'Libellé', en: 'Label' }, inLang(labels, 'fr'), inLang(labels, 'en')),
      row({ fr: 'Définition', en: 'Definition' }, inLang(definitions, 'fr'), inLang(definitions, 'en')),
      '</table>',
    ].join('\n');

  const termArticle = (iri: string, kind: (typeof KINDS)[number]) => {
    const local = iri.slice(ns.length);
    const isClass = kind.type === OWL('Class');
    const examples = isClass
      ? (instances.get(iri) ?? []).map((s) => `<li>${link(s)}</li>`)
      : (uses.get(iri) ?? []).map((q) => `<li>${show(q.subject)} ${show(q.predicate)} ${show(q.object)}</li>`);
    const facts = [
      fact({ fr: 'Type', en: 'Kind' }, [both(kind.name), ...(values(iri, RDF('type')).some((t) => t.value === OWL('FunctionalProperty')) ? [both({ fr: 'fonctionnelle', en: 'functional' })] : [])].join(', ')),
      ...(isClass
        ? [fact({ fr: 'Sous-classe de', en: 'Subclass of' }, list(values(iri, RDFS('subClassOf'))))]
        : [
            fact({ fr: 'Domaine', en: 'Domain' }, list(values(iri, RDFS('domain')))),
            fact({ fr: 'Portée', en: 'Range' }, list(values(iri, RDFS('range')))),
            ...(values(iri, RDFS('subPropertyOf')).length ? [fact({ fr: 'Sous-propriété de', en: 'Subproperty of' }, list(values(iri, RDFS('subPropertyOf'))))] : []),
            ...(values(iri, OWL('inverseOf')).length ? [fact({ fr: 'Inverse de', en: 'Inverse of' }, list(values(iri, OWL('inverseOf'))))] : []),
          ]),
      fact(
        { fr: 'Exemples tirés des données', en: 'Examples from the data' },
        examples.length ? `<ul>${examples.join('')}</ul>` : both({ fr: 'aucun dans cette version', en: 'none in this release' }),
      ),
    ];
    return [
      `<article id="${escapeHtml(local)}">`,
      `<h3><code>${escapeHtml(curie(iri))}</code></h3>`,
      `<p class="iri">${escapeHtml(iri)}</p>`,
      labelsTable(values(iri, RDFS('label')), values(iri, SKOS('definition'))),
      `<dl>${facts.join('')}</dl>`,
      '</article>',
    ].join('\n');
  };

  const schemeArticle = (scheme: string) => {
    const concepts = [...new Set(inScheme.get(scheme) ?? [])].sort(cmp);
    const rows = concepts.map(
      (c) =>
        `<tr><td>${link(c)}</td><td>${list(dataValues(c, SKOS('notation')))}</td><td lang="fr">${inLang(dataValues(c, SKOS('prefLabel')), 'fr')}</td><td lang="en">${inLang(dataValues(c, SKOS('prefLabel')), 'en')}</td></tr>`,
    );
    return [
      `<article id="scheme-${escapeHtml(scheme.slice(scheme.lastIndexOf('/') + 1))}">`,
      `<h3><code>${escapeHtml(curie(scheme))}</code></h3>`,
      `<p class="iri">${escapeHtml(scheme)}</p>`,
      labelsTable(dataValues(scheme, SKOS('prefLabel')), dataValues(scheme, SKOS('definition'))),
      `<p>${both({ fr: `${concepts.length} concepts`, en: `${concepts.length} concepts` })}</p>`,
      '<table class="concepts">',
      `<tr><th>IRI</th><th>${both({ fr: 'Notation', en: 'Notation' })}</th><th lang="fr">Français</th><th lang="en">English</th></tr>`,
      ...rows,
      '</table>',
      '</article>',
    ].join('\n');
  };

  const O = iris.ontology;
  const title = values(O, DCT('title'));
  const toc = (id: string, name: Bilingual, items: string[]) =>
    `<li><a href="#${id}">${both(name)}</a><ul>${items.join('')}</ul></li>`;
  const sections = [
    { id: 'classes', name: { fr: 'Classes', en: 'Classes' }, kinds: terms.slice(0, 1) },
    { id: 'properties', name: { fr: 'Propriétés', en: 'Properties' }, kinds: terms.slice(1) },
  ];
  const sortedSchemes = [...new Set(schemes)].sort(cmp);

  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(inLang(title, 'en'))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1><span lang="fr">${inLang(title, 'fr')}</span><br><span lang="en">${inLang(title, 'en')}</span></h1>`,
    `<p lang="fr">${inLang(values(O, DCT('description')), 'fr')}</p>`,
    `<p lang="en">${inLang(values(O, DCT('description')), 'en')}</p>`,
    '<dl>',
    fact({ fr: 'IRI', en: 'IRI' }, `<code>${escapeHtml(O)}</code>`),
    fact({ fr: 'Version', en: 'Version' }, `${values(O, OWL('versionInfo')).map((v) => escapeHtml(v.value)).join(', ')} (${list(values(O, OWL('versionIRI')))})`),
    fact({ fr: 'Licence', en: 'Licence' }, list(values(O, DCT('license')))),
    fact({ fr: 'Téléchargements', en: 'Downloads' }, input.downloads.map((d) => `<a href="${escapeHtml(d)}">${escapeHtml(d)}</a>`).join(' · ')),
    '</dl>',
    '</header>',
    '<nav><ul>',
    ...sections.map((s) =>
      toc(s.id, s.name, s.kinds.flatMap((k) => k.iris).sort(cmp).map((i) => `<li><a href="#${escapeHtml(i.slice(ns.length))}">${escapeHtml(curie(i))}</a></li>`)),
    ),
    toc('schemes', { fr: 'Schémas de concepts', en: 'Concept schemes' }, sortedSchemes.map((s) => `<li><a href="#scheme-${escapeHtml(s.slice(s.lastIndexOf('/') + 1))}">${escapeHtml(curie(s))}</a></li>`)),
    '</ul></nav>',
    '<main>',
    ...sections.flatMap((s) => [
      `<section id="${s.id}">`,
      `<h2>${both(s.name)}</h2>`,
      ...s.kinds.flatMap((k) => k.iris.map((i) => termArticle(i, k.kind))),
      '</section>',
    ]),
    '<section id="schemes">',
    `<h2>${both({ fr: 'Schémas de concepts', en: 'Concept schemes' })}</h2>`,
    ...sortedSchemes.map(schemeArticle),
    '</section>',
    '</main>',
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}

const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.45}',
  'article{border-top:1px solid #ccc;padding-top:.5rem;margin-top:1.5rem}',
  'table{border-collapse:collapse;width:100%}',
  'th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'dt{font-weight:600;margin-top:.5rem}',
  '.iri{color:#555;font-size:.9em;word-break:break-all}',
  'code{word-break:break-all}',
].join('');
