// A small builder for the quads of one record, remembering for each subject the place in
// the sources it came from, so that a SHACL violation can name a YAML file and line.

import { DataFactory, type Literal, type NamedNode, type Quad } from 'n3';
import type { Location } from '../diagnostics.ts';
import { RDF, XSD } from './vocab.ts';

const { namedNode, literal, quad } = DataFactory;

export type Obj = NamedNode | Literal;

export interface RecordGraph {
  /** Stable key of the record the quads come from, e.g. `process/berne-initiative`. */
  key: string;
  quads: Quad[];
  origins: Map<string, Location>;
}

export class GraphBuilder {
  readonly quads: Quad[] = [];
  readonly origins = new Map<string, Location>();

  constructor(readonly key: string) {}

  /** Adds `s p o` for each object that is defined; returns the subject for chaining. */
  add(s: string, p: string, ...objects: (Obj | undefined)[]): string {
    for (const o of objects) if (o) this.quads.push(quad(namedNode(s), namedNode(p), o));
    return s;
  }

  types(s: string, ...classes: string[]): string {
    for (const c of classes) this.add(s, RDF('type'), namedNode(c));
    return s;
  }

  at(s: string, where: Location): string {
    if (!this.origins.has(s)) this.origins.set(s, where);
    return s;
  }

  build(): RecordGraph {
    return { key: this.key, quads: this.quads, origins: this.origins };
  }
}

export const iri = (s: string) => namedNode(s);
export const text = (value: string | undefined, lang: string) => (value === undefined ? undefined : literal(value, lang));
export const typed = (value: string | number | boolean | undefined | null, datatype: string) =>
  value === undefined || value === null ? undefined : literal(String(value), namedNode(XSD(datatype)));
export const plain = (value: string | undefined) => (value === undefined ? undefined : literal(value));
