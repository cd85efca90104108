// What kind of request a SPARQL text is, read from its first keyword after the prologue. The form
// decides which formats apply (solutions or a graph) before the store runs anything, and an
// update is recognised here so that a read-only service can refuse it by name.

export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';
type Form = QueryForm | 'UPDATE';

interface Prologue {
  /** undefined when the text starts with no SPARQL keyword at all (the store's parser says why). */
  form?: Form;
  /** The PREFIX declarations, used to print IRIs the way the query wrote them. */
  prefixes: Record<string, string>;
}

const QUERY_FORMS = new Set(['SELECT', 'ASK', 'CONSTRUCT', 'DESCRIBE']);
const UPDATE_KEYWORDS = new Set(['INSERT', 'DELETE', 'LOAD', 'CLEAR', 'CREATE', 'DROP', 'COPY', 'MOVE', 'ADD', 'WITH']);
const SPACE_OR_COMMENT = /^(?:\s+|#[^\n\r]*)+/;
const PREFIX_DECL = /^PREFIX\s*([A-Za-z\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?:\s*<([^<>"{}|^`\\\s]*)>/iu;
const BASE_DECL = /^BASE\s*<[^<>"{}|^`\\\s]*>/i;

export function readPrologue(text: string): Prologue {
  const prefixes: Record<string, string> = {};
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.replace(SPACE_OR_COMMENT, '');
    const prefix = PREFIX_DECL.exec(rest);
    if (prefix) {
      prefixes[prefix[1] ?? ''] = prefix[2];
      rest = rest.slice(prefix[0].length);
      continue;
    }
    const base = BASE_DECL.exec(rest);
    if (base) {
      rest = rest.slice(base[0].length);
      continue;
    }
    break;
  }
  const keyword = /^[A-Za-z]+/.exec(rest)?.[0].toUpperCase() ?? '';
  const form = QUERY_FORMS.has(keyword) ? (keyword as QueryForm) : UPDATE_KEYWORDS.has(keyword) ? 'UPDATE' : undefined;
  return { form, prefixes };
}
