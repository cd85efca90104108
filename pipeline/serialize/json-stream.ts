// A JSON document whose last member is a long array, written piece by piece: the same bytes
// as JSON.stringify(document, null, 2), without ever holding the array or its text whole.

const MARK = '\u0000';
const MARK_JSON = JSON.stringify(MARK);

export interface JsonArrayDocument {
  /** Everything before the first item. */
  head: string;
  /** One item, indented as JSON.stringify would indent it; items are joined by SEPARATOR. */
  item(value: unknown): string;
  /** Everything after the last item. */
  tail: string;
  /** The whole document when the array is empty. */
  empty: string;
}

export const SEPARATOR = ',\n';

export function jsonArrayDocument(fields: Record<string, unknown>, arrayKey: string): JsonArrayDocument {
  const text = `${JSON.stringify({ ...fields, [arrayKey]: [MARK] }, null, 2)}\n`;
  const at = text.indexOf(MARK_JSON);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = text.slice(lineStart, at);
  return {
    head: text.slice(0, lineStart),
    item: (value) => indent + JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`),
    tail: text.slice(at + MARK_JSON.length),
    empty: `${JSON.stringify({ ...fields, [arrayKey]: [] }, null, 2)}\n`,
  };
}
