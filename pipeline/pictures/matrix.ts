// The overview's picture: every state that IOM's pages give a role in some mechanism, against
// every mechanism, as static SVG drawn on the server. A cell's colour says member or observer, a
// circle or diamond on it says chair or steering group, and its tooltip names every role in words.

import { cmp } from '../serialize/order.ts';
import type { Lang } from '../serve/labels.ts';
import type { MatrixFacts } from './facts.ts';
import { capitalise, esc, langAttr, num, ROLE_COLOURS, shorten, svgOpen, textWidth, type Text } from './svg.ts';
import { word } from './words.ts';

const CELL = 16;
const FONT_SIZE = 11;
const COLUMN_LABEL_CHARS = 44;
const OTHER_COLOUR = '#aab4be';
const MARK_COLOUR = '#111111';
const CHAIRS = ['chair', 'co-chair'];
const STEERING = 'steering-group-member';

export interface MatrixInput {
  lang: Lang;
  facts: MatrixFacts;
  href: (iri: string) => string | undefined;
}

/** Sorts names the way a reader looks them up (accents and case aside), by code points, so that every machine agrees. */
function byName<T extends { iri: string; name: Text }>(a: T, b: T): number {
  const key = (t: Text) => t.value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return cmp(key(a.name), key(b.name)) || cmp(a.name.value, b.name.value) || cmp(a.iri, b.iri);
}

function link(href: string | undefined, inner: string): string {
  return href ? `<a href="${esc(href)}">${inner}</a>` : inner;
}

/** The marks of one cell, centred on (cx, cy): a square for membership or observership (grey for a
 * role with no mark of its own), a circle for chairing, a diamond for the steering group. */
function cellMarks(roles: string[], cx: number, cy: number): string {
  const chairs = roles.some((r) => CHAIRS.includes(r));
  const steering = roles.includes(STEERING);
  const base = roles.includes('member-state')
    ? ROLE_COLOURS['member-state']
    : roles.includes('observer-state')
      ? ROLE_COLOURS['observer-state']
      : chairs || steering
        ? undefined
        : OTHER_COLOUR;
  const half = CELL / 2 - 2;
  let marks = base ? `<rect x="${num(cx - half)}" y="${num(cy - half)}" width="${half * 2}" height="${half * 2}" fill="${base}"/>` : '';
  // White shapes with a dark outline, seen on blue, orange and white alike; told apart by shape.
  if (steering) marks += `<path d="M${num(cx)} ${num(cy - 5)}L${num(cx + 5)} ${num(cy)}L${num(cx)} ${num(cy + 5)}L${num(cx - 5)} ${num(cy)}Z" fill="#ffffff" stroke="${MARK_COLOUR}" stroke-width="1"/>`;
  if (chairs) marks += `<circle cx="${num(cx)}" cy="${num(cy)}" r="3" fill="#ffffff" stroke="${MARK_COLOUR}" stroke-width="1"/>`;
  return marks;
}

/** Legend entries for the marks the matrix uses, each named with the data's role labels. */
function legend(input: MatrixInput, used: Set<string>): { marks: string; label: Text }[] {
  const name = (role: string): Text => input.facts.roleNames.get(role) ?? { value: role, lang: '' };
  const entries: { marks: string; label: Text }[] = [];
  for (const role of ['member-state', 'observer-state']) if (used.has(role)) entries.push({ marks: cellMarks([role], 0, 0), label: name(role) });
  const chairs = CHAIRS.filter((r) => used.has(r));
  if (chairs.length) entries.push({ marks: cellMarks(chairs, 0, 0), label: { value: chairs.map((r) => name(r).value).join(', '), lang: name(chairs[0]).lang } });
  if (used.has(STEERING)) entries.push({ marks: cellMarks([STEERING], 0, 0), label: name(STEERING) });
  if ([...used].some((r) => !['member-state', 'observer-state', ...CHAIRS, STEERING].includes(r)))
    entries.push({ marks: cellMarks([], 0, 0), label: { value: word('otherRole', input.lang), lang: input.lang } });
  return entries.map((e) => ({ ...e, label: { ...e.label, value: capitalise(e.label.value) } }));
}

export function matrix(input: MatrixInput): string {
  const { lang, facts } = input;
  const rows = [...facts.rows].sort(byName);
  const columns = [...facts.columns].sort(byName);
  const columnLabels = columns.map((c) => shorten(c.name.value, COLUMN_LABEL_CHARS));
  const used = new Set(rows.flatMap((r) => [...r.roles.values()].flat()));
  const entries = legend(input, used);

  const labelWidth = Math.ceil(Math.max(...rows.map((r) => textWidth(r.name.value, FONT_SIZE)), ...entries.map((e) => 22 + textWidth(e.label.value, FONT_SIZE)))) + 12;
  const headerHeight = Math.ceil(Math.max(...columnLabels.map((l) => textWidth(l, FONT_SIZE)), entries.length * (CELL + 4))) + 12;
  const width = labelWidth + columns.length * CELL + 8;
  const height = headerHeight + rows.length * CELL + 8;
  const columnX = (i: number) => labelWidth + i * CELL;

  const legendSvg = entries
    .map((e, i) => {
      const cy = 8 + i * (CELL + 4) + CELL / 2;
      return `<g transform="translate(${CELL / 2 + 4},${num(cy)})">${e.marks}</g><text x="${CELL + 10}" y="${num(cy + 4)}" font-size="${FONT_SIZE}"${langAttr(e.label, lang)}>${esc(e.label.value)}</text>`;
    })
    .join('\n');

  const header = columns
    .map((c, i) => {
      const x = columnX(i) + CELL / 2 + 4;
      const text = `<text transform="translate(${num(x)},${headerHeight - 6}) rotate(-90)" font-size="${FONT_SIZE}"${langAttr(c.name, lang)}><title>${esc(c.name.value)}</title>${esc(columnLabels[i])}</text>`;
      return link(input.href(c.iri), text);
    })
    .join('\n');

  const grid = columns.map((_, i) => `<line x1="${columnX(i)}" y1="${headerHeight - 4}" x2="${columnX(i)}" y2="${height - 8}"/>`).join('');

  const body = rows
    .map((r, j) => {
      const y = headerHeight + j * CELL;
      const stripe = j % 2 ? '' : `<rect x="0" y="${y}" width="${width}" height="${CELL}" fill="#f0f3f6"/>`;
      const label = link(input.href(r.iri), `<text x="4" y="${y + CELL - 4}" font-size="${FONT_SIZE}"${langAttr(r.name, lang)}>${esc(r.name.value)}</text>`);
      const cells = columns
        .map((c, i) => {
          const roles = r.roles.get(c.iri);
          if (!roles) return '';
          const names = roles.map((role) => (facts.roleNames.get(role) ?? { value: role }).value).join(', ');
          return `<g class="cell ${roles.map(esc).join(' ')}"><title>${esc(`${r.name.value} — ${c.name.value} — ${names}`)}</title>${cellMarks(roles, columnX(i) + CELL / 2, y + CELL / 2)}</g>`;
        })
        .join('');
      return `<g class="state">${stripe}${label}${cells}</g>`;
    })
    .join('\n');

  return (
    svgOpen({ id: 'matrix-title', className: 'picture matrix', width, height, title: word('matrixTitle', lang) }) +
    `<g class="legend">\n${legendSvg}\n</g>\n<g class="mechanisms">\n${header}\n</g>\n<g class="states">\n${body}\n</g>\n` +
    `<g class="grid" stroke="#d8dee4" stroke-width="0.5">${grid}</g>\n</svg>`
  );
}
