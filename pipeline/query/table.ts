// SPARQL results as a text table for a terminal: one column per variable, terms written the way
// the query wrote them (its prefixes, "literal"@lang, "value"^^xsd:type), padded to line up.

export interface JsonTerm {
  type: 'uri' | 'literal' | 'bnode' | 'triple';
  value: string;
  'xml:lang'?: string;
  datatype?: string;
}

export interface JsonResults {
  head: { vars?: string[] };
  results?: { bindings: Record<string, JsonTerm>[] };
  boolean?: boolean;
}

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const BARE_DATATYPES = new Set([`${XSD}integer`, `${XSD}decimal`, `${XSD}boolean`]);

function formatTerm(term: JsonTerm | undefined, prefixes: Record<string, string>): string {
  if (!term) return '';
  if (term.type === 'bnode') return `_:${term.value}`;
  if (term.type === 'uri') return compactIri(term.value, prefixes);
  if (term.type !== 'literal') return term.value;
  const quoted = JSON.stringify(term.value);
  if (term['xml:lang']) return `${quoted}@${term['xml:lang']}`;
  if (!term.datatype || term.datatype === `${XSD}string`) return quoted;
  if (BARE_DATATYPES.has(term.datatype)) return term.value;
  return `${quoted}^^${compactIri(term.datatype, { xsd: XSD, ...prefixes })}`;
}

/** The longest matching prefix wins, so that `id:` does not shadow a longer namespace. */
function compactIri(iri: string, prefixes: Record<string, string>): string {
  let best: [string, string] | undefined;
  for (const [name, ns] of Object.entries(prefixes))
    if (ns && iri.startsWith(ns) && /^[\w\-./]*$/u.test(iri.slice(ns.length)) && (!best || ns.length > best[1].length)) best = [name, ns];
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}

const width = (s: string) => [...s].length;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');

export function formatTable(results: JsonResults, prefixes: Record<string, string>): string {
  if (typeof results.boolean === 'boolean') return `${results.boolean}\n`;
  const vars = results.head.vars ?? [];
  const rows = (results.results?.bindings ?? []).map((b) => vars.map((v) => cell(formatTerm(b[v], prefixes))));
  const widths = vars.map((v, i) => Math.max(width(v), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join(' | ')} |\n`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`;
  return line(vars) + rule + rows.map(line).join('') + `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n`;
}
