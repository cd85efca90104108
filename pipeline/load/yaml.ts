// YAML parsing that keeps source positions. Parsing is strict on purpose: duplicate keys,
// aliases and merge keys are refused, since a maintainer's typo must never silently change
// the data. Work is bounded before the parser composes anything (a token budget, a depth
// limit), and every later check is linear, so that a hostile file is refused quickly.

import { CST, Document, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { error, type Diagnostic, type Location } from '../diagnostics.ts';
import { lineColumn } from './text.ts';

export const MAX_DEPTH = 32;
/** The largest real record has about 3,000 tokens; the parser costs microseconds per token. */
export const MAX_YAML_TOKENS = 100_000;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  value: unknown;
}

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
  TAB_AS_INDENT: 'yaml-syntax',
  MISSING_CHAR: 'yaml-syntax',
  BAD_INDENT: 'yaml-syntax',
  MULTIPLE_DOCS: 'multiple-documents',
};

export function parseYaml(file: string, text: string): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const over = offsetBeyondTokenBudget(text);
  if (over !== undefined) {
    const { line, column } = lineColumn(text, over);
    return { diagnostics: [error('too-complex', `the file has more than ${MAX_YAML_TOKENS} YAML tokens`, { file, line, column })] };
  }
  // The composer recurses once per level and may crash the process on a deep enough file;
  // the CST parser does not, so depth is checked on the CST before composing.
  const deep = deepOffset(text);
  if (deep !== undefined) {
    const { line, column } = lineColumn(text, deep);
    return { diagnostics: [error('too-deep', `nesting deeper than ${MAX_DEPTH} levels`, { file, line, column })] };
  }
  const lines = new LineCounter();
  // The parser's own duplicate-key check compares every key with every other (quadratic);
  // duplicateKeys below does the same job with a set.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, merge: false, prettyErrors: false, version: '1.2' });
  const at = (offset: number): Location => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) =>
    error(YAML_CODES[e.code] ?? 'yaml-syntax', e.message.split('\n')[0], at(e.pos[0])),
  );
  if (diagnostics.length) return { diagnostics };
  const duplicates = duplicateKeys(doc.contents, at);
  if (duplicates.length) return { diagnostics: duplicates };

  const structural = checkStructure(doc.contents, at);
  if (structural.length) return { diagnostics: structural };
  // Aliases were refused above, so toJS cannot expand a "billion laughs".
  return { source: { file, doc, lines, value: doc.toJS({ maxAliasCount: 0 }) }, diagnostics: [] };
}

/** Offset of the first token beyond MAX_YAML_TOKENS, found without lexing the rest of the file. */
function offsetBeyondTokenBudget(text: string): number | undefined {
  let offset = 0;
  let count = 0;
  for (const token of new Lexer().lex(text)) {
    if (++count > MAX_YAML_TOKENS) return offset;
    // The lexer's markers stand for no source text; decodeSource refused control characters,
    // so a marker can never be a character of the file.
    if (token !== CST.DOCUMENT && token !== CST.FLOW_END && token !== CST.SCALAR) offset += token.length;
  }
  return undefined;
}

/** Every key repeated in its map, at the repeat. Keys compare as the property names they become. */
function duplicateKeys(root: unknown, at: (offset: number) => Location): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (seen.has(key)) out.push(error('duplicate-key', `the key "${key}" appears twice in this map`, at(pair.key.range?.[0] ?? 0)));
          seen.add(key);
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(root);
  return out;
}

/** Offset of the first node deeper than MAX_DEPTH, counted as checkStructure counts, on the CST. */
function deepOffset(text: string): number | undefined {
  const walk = (t: CST.Token | null | undefined, depth: number): number | undefined => {
    if (!t || !(t.type === 'alias' || CST.isCollection(t) || CST.isScalar(t))) return undefined;
    if (depth > MAX_DEPTH) return t.offset;
    if (!CST.isCollection(t)) return undefined;
    for (const item of t.items) {
      const found = walk(item.value, depth + 1) ?? (CST.isCollection(item.key) ? walk(item.key, depth + 1) : undefined);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (const token of new Parser().parse(text)) {
    const found = token.type === 'document' ? walk(token.value, 0) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Walks the tree once: depth, aliases, merge keys and prototype-polluting keys. */
function checkStructure(root: unknown, at: (offset: number) => Location): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (out.length) return;
    const n = node as Node | null;
    const offset = n?.range?.[0] ?? 0;
    if (depth > MAX_DEPTH) {
      out.push(error('too-deep', `nesting deeper than ${MAX_DEPTH} levels`, at(offset)));
      return;
    }
    if (isAlias(n)) {
      out.push(error('alias-not-allowed', 'YAML aliases (*name) are not allowed in sources', at(offset)));
      return;
    }
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        const keyOffset = (pair.key as Node | null)?.range?.[0] ?? offset;
        if (key === '<<') out.push(error('merge-key', 'merge keys (<<) are not allowed in sources', at(keyOffset)));
        else if (key === '__proto__' || key === 'constructor' || key === 'prototype')
          out.push(error('forbidden-key', `the key "${String(key)}" is not allowed`, at(keyOffset)));
        else if (!isScalar(pair.key)) out.push(error('complex-key', 'keys must be plain scalars', at(keyOffset)));
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) walk(item, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/** The location of the node at `path`, or of the nearest ancestor that exists. */
export function locate(source: YamlSource, path: readonly (string | number)[], key = false): Location {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNode(source.doc.contents, path.slice(0, depth), key && depth === path.length);
    if (node?.range) {
      const pos = source.lines.linePos(node.range[0]);
      return { file: source.file, line: pos.line, column: pos.col };
    }
  }
  return { file: source.file, line: 1, column: 1 };
}

function findNode(root: unknown, path: readonly (string | number)[], wantKey: boolean): Node | null {
  let node = root as Node | null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
      if (!pair) return null;
      if (wantKey && i === path.length - 1) return pair.key as Node;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as Node | undefined) ?? null;
    } else return null;
  }
  return node;
}

// A file with many diagnostics locates many keys of one map: an index per map keeps that linear.
const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    keyIndex.set(map, index);
  }
  return index;
}
