// JSON-LD, compacted with ontology/context.jsonld, which is embedded so that the dump needs no
// network to be read. Each subject becomes one node object of `@graph`, compacted on its own
// from its triples, so that the dump is written record by record and never compacted whole.
//
// The compaction is the JSON-LD 1.1 algorithm (term selection through the inverse context,
// compact IRIs, value compaction) for the features our context uses: prefixes, keyword
// aliases and terms with an `@type` coercion. A context that uses any other feature is refused
// rather than half-understood; tests/jsonld.test.ts checks the result against jsonld.js.

import type { Quad, Term } from 'n3';
import { RDF, XSD } from '../map/vocab.ts';
import { jsonArrayDocument, type JsonArrayDocument } from './json-stream.ts';

const RDF_TYPE = RDF('type');
const XSD_STRING = XSD('string');
const KEYWORDS = new Set(['@id', '@type', '@value', '@language']);

interface TermDefinition {
  iri: string;
  /** `@id` or a datatype IRI when the term coerces its values. */
  type?: string;
  /** A simple term whose IRI ends with a gen-delim may stand before a colon. */
  prefix: boolean;
}

type NodeValue = string | Record<string, string>;
export type NodeObject = Record<string, NodeValue | NodeValue[]>;

export class JsonLdCompactor {
  private readonly terms = new Map<string, TermDefinition>();
  /** For each IRI, the preferred term per type (`@id`, a datatype, `@none`) and per language (`@none`). */
  private readonly byType = new Map<string, Map<string, string>>();
  private readonly byLanguage = new Map<string, Map<string, string>>();
  private readonly aliases = new Map<string, string>();
  private readonly curies = new Map<string, string>();

  constructor(readonly context: Record<string, unknown>) {
    for (const [key, value] of Object.entries(context)) {
      if (key === '@version') continue;
      if (key.startsWith('@')) throw new Error(`the JSON-LD writer does not support "${key}" in the context`);
      if (typeof value === 'string' && KEYWORDS.has(value)) {
        this.terms.set(key, { iri: value, prefix: false });
        continue;
      }
      if (typeof value === 'string') {
        const iri = this.expand(value);
        this.terms.set(key, { iri, prefix: !key.includes(':') && /[:/?#[\]@]$/.test(iri) });
        continue;
      }
      const { '@id': id, '@type': type, ...rest } = value as Record<string, unknown>;
      if (Object.keys(rest).length || typeof id !== 'string' || (type !== undefined && typeof type !== 'string') || type === '@vocab')
        throw new Error(`the JSON-LD writer does not support the definition of "${key}"`);
      this.terms.set(key, { iri: this.expand(id), type: type === undefined || type === '@id' ? type : this.expand(type), prefix: false });
    }
    const shortestFirst = [...this.terms.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const term of shortestFirst) {
      const { iri, type } = this.terms.get(term)!;
      if (KEYWORDS.has(iri)) {
        if (!this.aliases.has(iri)) this.aliases.set(iri, term);
        continue;
      }
      const types = this.byType.get(iri) ?? this.byType.set(iri, new Map()).get(iri)!;
      const languages = this.byLanguage.get(iri) ?? this.byLanguage.set(iri, new Map()).get(iri)!;
      if (type !== undefined) {
        if (!types.has(type)) types.set(type, term);
      } else {
        if (!languages.has('@none')) languages.set('@none', term);
        if (!types.has('@none')) types.set('@none', term);
      }
    }
  }

  /** The node object of one subject, from all its triples in canonical order. */
  node(triples: readonly Quad[]): NodeObject {
    const out: NodeObject = { [this.alias('@id')]: this.compactIri(triples[0].subject.value, false) };
    const types = triples.filter((q) => q.predicate.value === RDF_TYPE).map((q) => this.compactIri(q.object.value, true));
    if (types.length) out[this.alias('@type')] = types.length === 1 ? types[0] : types;
    for (const q of triples) {
      if (q.predicate.value === RDF_TYPE) continue;
      const { key, value } = this.property(q.predicate.value, q.object);
      const existing = out[key];
      if (existing === undefined) out[key] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else out[key] = [existing, value];
    }
    return out;
  }

  private property(iri: string, object: Term): { key: string; value: NodeValue } {
    if (object.termType === 'NamedNode') {
      const term = this.byType.get(iri)?.get('@id') ?? this.byType.get(iri)?.get('@none');
      const id = this.compactIri(object.value, false);
      return term && this.terms.get(term)!.type === '@id'
        ? { key: term, value: id }
        : { key: term ?? this.curie(iri), value: { [this.alias('@id')]: id } };
    }
    if (object.termType !== 'Literal') throw new Error(`no ${object.termType} may reach a dump`);
    if (object.language) {
      const term = this.byLanguage.get(iri)?.get(object.language) ?? this.byLanguage.get(iri)?.get('@none');
      return { key: term ?? this.curie(iri), value: { [this.alias('@language')]: object.language, [this.alias('@value')]: object.value } };
    }
    const datatype = object.datatype.value;
    if (datatype === XSD_STRING) return { key: this.byLanguage.get(iri)?.get('@none') ?? this.curie(iri), value: object.value };
    const term = this.byType.get(iri)?.get(datatype) ?? this.byType.get(iri)?.get('@none');
    if (term && this.terms.get(term)!.type === datatype) return { key: term, value: object.value };
    return {
      key: term ?? this.curie(iri),
      value: { [this.alias('@type')]: this.compactIri(datatype, true), [this.alias('@value')]: object.value },
    };
  }

  private alias(keyword: string): string {
    return this.aliases.get(keyword) ?? keyword;
  }

  /**
   * An IRI that stands alone (a subject, a type, a datatype, an @id value): a term that maps it,
   * for vocabulary-relative IRIs, else its compact IRI.
   */
  private compactIri(iri: string, vocab: boolean): string {
    const term = vocab ? (this.byType.get(iri)?.get('@id') ?? this.byType.get(iri)?.get('@none')) : undefined;
    return term ?? this.curie(iri);
  }

  /** The shortest (then least) usable compact IRI, else the IRI itself. */
  private curie(iri: string): string {
    const cached = this.curies.get(iri);
    if (cached !== undefined) return cached;
    let choice: string | undefined;
    for (const [term, def] of this.terms) {
      if (!def.prefix || !iri.startsWith(def.iri) || iri.length === def.iri.length) continue;
      const curie = `${term}:${iri.slice(def.iri.length)}`;
      if (this.terms.has(curie)) continue;
      if (choice === undefined || curie.length < choice.length || (curie.length === choice.length && curie < choice)) choice = curie;
    }
    const result = choice ?? iri;
    this.curies.set(iri, result);
    return result;
  }

  /** A compact IRI (`prefix:suffix`, whatever order the context defines them in) or an absolute IRI. */
  private expand(value: string): string {
    const colon = value.indexOf(':');
    if (colon <= 0) throw new Error(`the JSON-LD writer cannot expand "${value}": only compact and absolute IRIs are supported`);
    const prefix = this.context[value.slice(0, colon)];
    if (value.startsWith('//', colon + 1) || prefix === undefined) return value;
    const prefixIri = typeof prefix === 'string' ? prefix : (prefix as { '@id'?: unknown })['@id'];
    if (typeof prefixIri !== 'string') throw new Error(`the JSON-LD writer cannot expand "${value}"`);
    return this.expand(prefixIri) + value.slice(colon + 1);
  }
}

/** The JSON-LD dump around its node objects: `{"@context": …, "@graph": [ … ]}` as JSON.stringify(…, null, 2) writes it. */
export function jsonLdDocument(context: Record<string, unknown>): JsonArrayDocument {
  return jsonArrayDocument({ '@context': context }, '@graph');
}

/** The whole JSON-LD dump of triples in canonical order. */
export function toJsonLd(triples: readonly Quad[], context: Record<string, unknown>): string {
  const compactor = new JsonLdCompactor(context);
  const doc = jsonLdDocument(context);
  const items: string[] = [];
  for (let i = 0; i < triples.length; ) {
    let j = i + 1;
    while (j < triples.length && triples[j].subject.value === triples[i].subject.value) j++;
    items.push(doc.item(compactor.node(triples.slice(i, j))));
    i = j;
  }
  return items.length ? doc.head + items.join(',\n') + doc.tail : doc.empty;
}
