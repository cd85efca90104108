// RDF/XML, one rdf:Description per subject in canonical order, with the dataset's prefixes
// as XML namespaces. Written subject by subject (no library holds the whole graph), so that the
// dump can be streamed record by record and stays byte-identical across runs.

import type { Quad, Term } from 'n3';
import type { Iris } from '../iri.ts';
import { PREFIXES, RDF, XSD } from '../map/vocab.ts';
import { groupBySubject, prefixes } from './turtle.ts';

const XSD_STRING = XSD('string');
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all, even escaped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class RdfXmlWriter {
  private readonly namespaces: [prefix: string, iri: string][];
  private readonly qnames = new Map<string, string>();

  /** Without `iris`, the dataset's own namespaces (iscm:, id:) are declared where they are used. */
  constructor(iris?: Iris) {
    const all = { rdf: RDF(''), ...(iris ? prefixes(iris) : PREFIXES) };
    // Longest namespace first, so that a predicate takes the most specific prefix.
    this.namespaces = Object.entries(all)
      .filter(([prefix]) => NCNAME.test(prefix) && !prefix.includes('.'))
      .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  header(): string {
    const declarations = [...this.namespaces]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([prefix, iri]) => `\n    xmlns:${prefix}="${attribute(iri)}"`)
      .join('');
    return `<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF${declarations}>\n`;
  }

  footer(): string {
    return '</rdf:RDF>\n';
  }

  /** The rdf:Description of one subject, from its triples in canonical order. */
  description(triples: readonly Quad[]): string {
    let out = `  <rdf:Description rdf:about="${attribute(iriOf(triples[0].subject))}">\n`;
    for (const q of triples) {
      const { name, declaration } = this.qname(q.predicate.value);
      const o = q.object;
      if (o.termType === 'NamedNode') out += `    <${name}${declaration} rdf:resource="${attribute(o.value)}"/>\n`;
      else if (o.termType === 'Literal') {
        const tag = o.language
          ? ` xml:lang="${attribute(o.language)}"`
          : o.datatype.value === XSD_STRING
            ? ''
            : ` rdf:datatype="${attribute(o.datatype.value)}"`;
        out += `    <${name}${declaration}${tag}>${text(o.value)}</${name}>\n`;
      } else throw new Error(`no ${o.termType} may reach a dump`);
    }
    return `${out}  </rdf:Description>\n`;
  }

  /** A property element name; a predicate outside our namespaces declares its own on the element. */
  private qname(predicate: string): { name: string; declaration: string } {
    const known = this.qnames.get(predicate);
    if (known !== undefined) return { name: known, declaration: '' };
    for (const [prefix, iri] of this.namespaces)
      if (predicate.startsWith(iri) && NCNAME.test(predicate.slice(iri.length))) {
        const name = `${prefix}:${predicate.slice(iri.length)}`;
        this.qnames.set(predicate, name);
        return { name, declaration: '' };
      }
    const split = /[A-Za-z_][A-Za-z0-9_.-]*$/.exec(predicate);
    if (!split || split.index === 0) throw new Error(`RDF/XML cannot name the predicate <${predicate}>`);
    return { name: `ns0:${split[0]}`, declaration: ` xmlns:ns0="${attribute(predicate.slice(0, split.index))}"` };
  }
}

function iriOf(t: Term): string {
  if (t.termType !== 'NamedNode') throw new Error(`no ${t.termType} may reach a dump`);
  return t.value;
}

function checked(s: string): string {
  if (NOT_XML.test(s)) throw new Error(`XML 1.0 cannot carry the text ${JSON.stringify(s)}`);
  return s;
}

function text(s: string): string {
  return checked(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

function attribute(s: string): string {
  return checked(s).replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The whole RDF/XML document of triples in canonical order. */
export function toRdfXml(triples: readonly Quad[], iris?: Iris): string {
  const writer = new RdfXmlWriter(iris);
  return writer.header() + groupBySubject(triples).map((s) => writer.description(s)).join('') + writer.footer();
}
