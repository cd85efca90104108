// RFC 4180 CSV and plain TSV reading. Every cell stays text: the country table's "NA"
// (Namibia) must not become a missing value, which is how upstream tools lost its Wikidata id.

export interface Row {
  line: number;
  cells: Record<string, string>;
}

export function parseCsv(text: string): Row[] {
  const records: { line: number; fields: string[] }[] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
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
