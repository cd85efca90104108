// The semantic difference between two builds: which resources were added, removed or changed, and
// how, said in words. A mechanism's memberships, lists, meetings and documents have IRIs under the
// mechanism's (docs/data-model.md), so their changes are grouped under it; a node added with its
// parent (a membership's period, a new mechanism's meetings) is counted with the parent, not listed.
// Pure: two graphs in, data out; render.ts prints it.

import { Graph, RDF_TYPE, tripleKey, valueKey, type Triple, type Value } from './graph.ts';
import { kindOf, labelIn, localName, plural, propertyWords, showValue, words } from './words.ts';

export type Status = 'added' | 'removed' | 'changed';

export interface Change {
  change: Status;
  /** The node that changed: the resource itself or one of its parts. */
  subject: string;
  kind: string;
  /** For a value that changed: the property, and the old and/or new value. */
  property?: string;
  lang?: string;
  from?: string;
  to?: string;
  /** For a membership added or removed: the member and the notation of its role. */
  member?: string;
  role?: string;
  text: string;
}

export interface ResourceChanges {
  iri: string;
  label: string;
  kind: string;
  status: Status;
  changes: Change[];
}

export interface SemanticDiff {
  triplesAdded: number;
  triplesRemoved: number;
  resources: ResourceChanges[];
}

const ORG = 'http://www.w3.org/ns/org#';
const SKOS_NOTATION = 'http://www.w3.org/2004/02/skos/core#notation';
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Proper prefixes of an IRI cut at "/", longest first. */
function ancestors(iri: string): string[] {
  const out: string[] = [];
  for (let i = iri.lastIndexOf('/'); i > iri.indexOf('//') + 1; i = iri.lastIndexOf('/', i - 1)) out.push(iri.slice(0, i));
  return out;
}

export function semanticDiff(before: Graph, after: Graph): SemanticDiff {
  const label = (iri: string) => labelIn(after, iri) ?? labelIn(before, iri);
  const kind = (iri: string) => kindOf(after.has(iri) ? after.types(iri) : before.types(iri));
  const typed = (iri: string) => after.types(iri).length > 0 || before.types(iri).length > 0;
  // The resource a node belongs to: its shortest typed ancestor, else itself.
  const top = (iri: string) => ancestors(iri).reverse().find(typed) ?? iri;

  const subjects = [...new Set([...before.bySubject.keys(), ...after.bySubject.keys()])].sort(cmp);
  const statusOf = (s: string): Status => (!before.has(s) ? 'added' : !after.has(s) ? 'removed' : 'changed');
  const wholeChanges = new Set(subjects.filter((s) => statusOf(s) !== 'changed'));
  // The nearest ancestor added (or removed) together with a node: the node is told as part of it.
  const parentWith = new Map<string, string>();
  const parts = new Map<string, Map<string, number>>();
  for (const s of wholeChanges) {
    const parent = ancestors(s).find((a) => wholeChanges.has(a) && statusOf(a) === statusOf(s));
    if (!parent) continue;
    parentWith.set(s, parent);
    const counts = parts.get(parent) ?? new Map<string, number>();
    counts.set(kind(s), (counts.get(kind(s)) ?? 0) + 1);
    parts.set(parent, counts);
  }

  const groups = new Map<string, Change[]>();
  const push = (c: Change) => {
    const key = top(c.subject);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  };
  // A part is named by its path under the resource (`meeting/2004-03-25-addis-ababa`), which says its kind.
  const where = (s: string) => (s === top(s) ? '' : `${s.slice(top(s).length + 1)}: `);

  let triplesAdded = 0;
  let triplesRemoved = 0;
  for (const s of subjects) {
    const old = new Map((before.bySubject.get(s) ?? []).map((t) => [tripleKey(t), t]));
    const now = new Map((after.bySubject.get(s) ?? []).map((t) => [tripleKey(t), t]));
    const removed = [...old].filter(([k]) => !now.has(k)).map(([, t]) => t);
    const added = [...now].filter(([k]) => !old.has(k)).map(([, t]) => t);
    triplesAdded += added.length;
    triplesRemoved += removed.length;
    if (!removed.length && !added.length) continue;

    const status = statusOf(s);
    if (status !== 'changed') {
      if (!parentWith.has(s)) push(wholeChange(s, status, status === 'added' ? after : before));
      continue;
    }
    // Links to nodes that were themselves added or removed are told by those nodes.
    const told = (t: Triple) => !t.object.literal && wholeChanges.has(t.object.value);
    for (const c of valueChanges(s, removed.filter((t) => !told(t)), added.filter((t) => !told(t)))) push(c);
  }

  function wholeChange(s: string, status: 'added' | 'removed', g: Graph): Change {
    const k = kind(s);
    const withParts = [...(parts.get(s) ?? [])].sort(([a], [b]) => cmp(a, b)).map(([pk, n]) => plural(n, pk));
    const rel = s === top(s) ? '' : s.slice(top(s).length + 1);
    if (k === 'membership') {
      const member = g.values(s, `${ORG}member`)[0]?.value;
      const roleConcept = g.values(s, `${ORG}role`)[0]?.value;
      const role = roleConcept ? (g.values(roleConcept, SKOS_NOTATION)[0]?.value ?? label(roleConcept)) : undefined;
      const who = member ? (label(member) ?? `<${member}>`) : rel;
      return { change: status, subject: s, kind: k, member, role, text: `member ${status}: ${who}${role ? ` as ${role}` : ''} (${rel})` };
    }
    const name = labelIn(g, s);
    const what = name ? `"${name}"${rel ? ` (${rel})` : ''}` : rel || `<${s}>`;
    return { change: status, subject: s, kind: k, text: `${k} ${status}: ${what}${withParts.length ? `, with ${withParts.join(', ')}` : ''}` };
  }

  function valueChanges(s: string, removed: Triple[], added: Triple[]): Change[] {
    const out: Change[] = [];
    const k = kind(s);
    // A type reads as a kind of thing ("printed list"), not as an IRI.
    const show = (v: Value, p: string) => (p === RDF_TYPE && !v.literal ? words(localName(v.value)) : showValue(v, label));
    const base = (property: string, v: Value) => ({ subject: s, kind: k, property, ...(v.lang ? { lang: v.lang } : {}) });
    const predicates = [...new Set([...removed, ...added].map((t) => t.predicate))].sort(cmp);
    for (const p of predicates) {
      const olds = removed.filter((t) => t.predicate === p).map((t) => t.object);
      const news = added.filter((t) => t.predicate === p).map((t) => t.object);
      const name = propertyWords(p);
      const pairs: [Value, Value][] = [];
      // A label in one language replaces the label in that language; otherwise one value replaces one value.
      for (const o of [...olds]) {
        const n = o.lang ? news.find((x) => x.lang === o.lang) : undefined;
        if (n && olds.filter((x) => x.lang === o.lang).length === 1 && news.filter((x) => x.lang === o.lang).length === 1) {
          pairs.push([o, n]);
          olds.splice(olds.indexOf(o), 1);
          news.splice(news.indexOf(n), 1);
        }
      }
      if (olds.length === 1 && news.length === 1 && !olds[0].lang && !news[0].lang) pairs.push([olds.pop()!, news.pop()!]);
      const lang = (v: Value) => (v.lang ? ` (${v.lang})` : '');
      for (const [o, n] of pairs)
        out.push({ change: 'changed', ...base(p, o), from: o.value, to: n.value, text: `${where(s)}${name}${lang(o)} changed from ${show(o, p)} to ${show(n, p)}` });
      for (const o of olds.sort(byValue)) out.push({ change: 'removed', ...base(p, o), from: o.value, text: `${where(s)}${name}${lang(o)} removed: ${show(o, p)}` });
      for (const n of news.sort(byValue)) out.push({ change: 'added', ...base(p, n), to: n.value, text: `${where(s)}${name}${lang(n)} added: ${show(n, p)}` });
    }
    return out;
  }

  const resources = [...groups]
    .sort(([a], [b]) => cmp(a, b))
    .map(([iri, changes]) => ({
      iri,
      label: label(iri) ?? iri,
      kind: kind(iri),
      status: wholeChanges.has(iri) ? statusOf(iri) : ('changed' as Status),
      // The resource's own changes first, then its parts in IRI order; each part's in the order found.
      changes: changes.sort((a, b) => (a.subject === iri ? 0 : 1) - (b.subject === iri ? 0 : 1) || cmp(a.subject, b.subject)),
    }));
  return { triplesAdded, triplesRemoved, resources };
}

const byValue = (a: Value, b: Value) => cmp(valueKey(a), valueKey(b));
