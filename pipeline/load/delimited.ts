// RFC 4180 CSV and plain TSV reading. Every cell stays text: the country table's "NA"
// (Namibia) must not become a missing value, which is how upstream tools lost its Wikidata id.

export interface Row {
  line: number;
  cells: Record<string, string>;
}

/** The real country table has about 15,000 cells; this bounds the work a hostile table costs. */
export const MAX_TABLE_CELLS = 100_000;

/** Offset of the separator that opens cell MAX_TABLE_CELLS + 1 (counting quoted separators too), if any. */
export function offsetBeyondCellBudget(text: string): number | undefined {
  const separator = /[,\t\n]/g;
  for (let cells = 1; separator.exec(text); ) if (++cells > MAX_TABLE_CELLS) return separator.lastIndex - 1;
  return undefined;
}

export function parseCsv(text: string): Row[] {
  const records: { line: number; fields: string[] }[] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  // Runs of ordinary characters are copied as slices: a character at a time, a 4 MB cell
  // took seconds.
  const special = /[",\r\n]/g;
  for (let i = 0; i < text.length; ) {
    if (quoted) {
      const q = text.indexOf('"', i);
      const chunk = text.slice(i, q < 0 ? text.length : q);
      field += chunk;
      for (let n = chunk.indexOf('\n'); n >= 0; n = chunk.indexOf('\n', n + 1)) line++;
      if (q < 0) break;
      if (text[q + 1] === '"') (field += '"'), (i = q + 2);
      else (quoted = false), (i = q + 1);
      continue;
    }
    special.lastIndex = i;
    const m = special.exec(text);
    field += text.slice(i, m ? m.index : text.length);
    if (!m) break;
    const c = m[0];
    i = m.index + 1;
    if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else {
      if (c === '\r' && text[i] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    }
  }
  if (field !== '' || fields.length) records.push({ line: recordLine, fields: [...fields, field] });
  return toRows(records);
}

export function parseTsv(text: string): Row[] {
  const records = text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, fields: l.split('\t') }))
    .filter((r) => r.fields.some((f) => f !== ''));
  return toRows(records);
}

function toRows(records: { line: number; fields: string[] }[]): Row[] {
  const [header, ...body] = records;
  if (!header) return [];
  return body.map(({ line, fields }) => ({
    line,
    cells: Object.fromEntries(header.fields.map((h, i) => [h, fields[i] ?? ''])),
  }));
}
