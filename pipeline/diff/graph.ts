// A build's triples indexed by subject, for the semantic diff: what a node is, what it is called,
// and its values, looked up without a query engine. Built from any RDF/JS source of quads.

export interface Value {
  /** An IRI, or the lexical form of a literal. */
  value: string;
  literal: boolean;
  lang?: string;
  datatype?: string;
}

export interface Triple {
  subject: string;
  predicate: string;
  object: Value;
}

/** The parts of an RDF/JS term the diff reads; oxigraph's and n3's terms have them. */
export interface TermLike {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}

export const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

export function toValue(t: TermLike): Value {
  if (t.termType !== 'Literal') return { value: t.termType === 'BlankNode' ? `_:${t.value}` : t.value, literal: false };
  if (t.language) return { value: t.value, literal: true, lang: t.language };
  const datatype = t.datatype?.value;
  return { value: t.value, literal: true, ...(datatype && datatype !== XSD_STRING && datatype !== RDF_LANG_STRING ? { datatype } : {}) };
}

/** One string per value, equal exactly when the values are the same RDF term. */
export function valueKey(v: Value): string {
  return v.literal ? `"${JSON.stringify([v.value, v.lang ?? '', v.datatype ?? ''])}` : `<${v.value}`;
}

export function tripleKey(t: Triple): string {
  return `${t.predicate} ${valueKey(t.object)}`;
}

export class Graph {
  readonly bySubject = new Map<string, Triple[]>();
  readonly size: number;

  constructor(triples: Iterable<Triple>) {
    let n = 0;
    for (const t of triples) {
      const list = this.bySubject.get(t.subject);
      if (list) list.push(t);
      else this.bySubject.set(t.subject, [t]);
      n++;
    }
    this.size = n;
  }

  has(subject: string): boolean {
    return this.bySubject.has(subject);
  }

  values(subject: string, predicate: string): Value[] {
    return (this.bySubject.get(subject) ?? []).filter((t) => t.predicate === predicate).map((t) => t.object);
  }

  types(subject: string): string[] {
    return this.values(subject, RDF_TYPE).map((v) => v.value);
  }
}
