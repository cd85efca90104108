// Checks of one mechanism record that a schema cannot express: references inside the
// record, real dates, and counts that contradict a list marked complete.

import { error, type Diagnostic } from '../diagnostics.ts';
import { locate, type YamlSource } from '../load/yaml.ts';
import { endsBeforeStart, isRealDate } from './dates.ts';
import type { MechanismRecord } from './types.ts';

type Path = (string | number)[];

export function checkMechanism(source: YamlSource, r: MechanismRecord): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: Path, key = false) => locate(source, path, key);

  const expected = source.file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (r.id !== expected) out.push(error('id-mismatch', `the id "${r.id}" differs from the file name "${expected}"`, at(['id'])));

  const sourceIds = new Set<string>();
  // Page-version IRIs lower-case the id: "A" and "a" would be one page version.
  const sourceKeys = new Set<string>();
  r.sources.forEach((s, i) => {
    if (sourceKeys.has(s.id.toLowerCase()))
      out.push(error('duplicate-id', `the source id "${s.id}" is used twice (ids compare regardless of case)`, at(['sources', i, 'id'])));
    sourceIds.add(s.id);
    sourceKeys.add(s.id.toLowerCase());
  });
  const mains = r.sources.filter((s) => s.main).length;
  if (mains !== 1) out.push(error('main-source', `exactly one source must be "main: true"; found ${mains}`, at(['sources'])));

  // Every `source:` list anywhere in the record must name declared sources.
  const walk = (v: unknown, path: Path): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'source' && Array.isArray(x))
          x.forEach((id, i) => {
            if (!sourceIds.has(id))
              out.push(error('unknown-source', `"${id}" is not the id of an entry of "sources"`, at([...path, k, i])));
          });
        else walk(x, [...path, k]);
      }
  };
  walk(r, []);

  const checkDates = (start: string | undefined, end: string | undefined, path: Path) => {
    for (const [key, value] of [['start', start], ['end', end]] as const)
      if (value !== undefined && !isRealDate(value))
        out.push(error('impossible-date', `${value} is not a date of the calendar`, at([...path, key])));
    if (start && end && isRealDate(start) && isRealDate(end) && endsBeforeStart(start, end))
      out.push(error('end-before-start', `the end ${end} is before the start ${start}`, at([...path, 'end'])));
  };

  const meetingIds = new Set<string>();
  r.meetings?.forEach((m, i) => {
    if (meetingIds.has(m.id)) out.push(error('duplicate-id', `the meeting id "${m.id}" is used twice`, at(['meetings', i, 'id'])));
    meetingIds.add(m.id);
    checkDates(m.start, m.end, ['meetings', i]);
  });

  const documentIds = new Set<string>();
  r.documents?.forEach((d, i) => {
    if (documentIds.has(d.id)) out.push(error('duplicate-id', `the document id "${d.id}" is used twice`, at(['documents', i, 'id'])));
    documentIds.add(d.id);
  });
  r.outcomes?.forEach((o, i) => {
    if (!documentIds.has(o.document))
      out.push(error('missing-reference', `no document has the id "${o.document}"`, at(['outcomes', i, 'document'])));
  });

  for (const s of r.established ?? [])
    for (const [i, c] of (r.concluded ?? []).entries())
      if (c.year < s.year && c.source.some((id) => s.source.includes(id)))
        out.push(error('end-before-start', `concluded in ${c.year}, before it was established in ${s.year}`, at(['concluded', i, 'year'])));

  const lists = new Set<string>();
  r.participants?.forEach((p, i) => {
    const key = [p.role, p.source.join('-'), p.part ?? ''].join('|');
    if (lists.has(key))
      out.push(error('duplicate-list', `a second "${p.role}" list from the same sources needs a distinct "part"`, at(['participants', i, 'role'])));
    lists.add(key);
    if (p.complete && p.declared_count != null && p.declared_count !== p.listed.length)
      out.push(
        error('count-mismatch', `the list is marked complete but lists ${p.listed.length} of ${p.declared_count} names`, at(['participants', i, 'complete'])),
      );
    const entries = new Set<string>();
    p.listed.forEach((e, j) => {
      const name = typeof e === 'string' ? e : e.name;
      const start = typeof e === 'string' ? undefined : e.start;
      if (typeof e !== 'string') checkDates(e.start, e.end, ['participants', i, 'listed', j]);
      const k = `${name}|${start ?? ''}`;
      // A page may print a name twice; the repeat is kept only when a note acknowledges it.
      if (entries.has(k) && !(typeof e === 'object' && e.note))
        out.push(error('duplicate-entry', `"${name}" is listed twice; add a note to the repeat if the page prints it twice`, at(['participants', i, 'listed', j])));
      entries.add(k);
    });
  });
  return out;
}
