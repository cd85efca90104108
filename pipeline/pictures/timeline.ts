// A mechanism's meetings on a time axis, as static SVG drawn on the server: one row per meeting in
// date order, its name on the left and a bar on the axis. Pages print some dates to the day and
// some only to the month or the year; a bar covers all the time the printed date allows, in a
// lighter shade the less precise it is, so that "2004" is not drawn as 1 January 2004. Meetings
// with no date are listed in text below.

import { cmp } from '../serialize/order.ts';
import type { Lang } from '../serve/labels.ts';
import type { Meeting, PartialDate } from './facts.ts';
import { esc, langAttr, num, svgOpen, textHtml, textWidth, wrap, type Text } from './svg.ts';
import { word } from './words.ts';

const WIDTH = 960;
const LABEL_WIDTH = 400;
const AXIS_START = 430;
const AXIS_END = WIDTH - 20;
const FONT_SIZE = 12;
const LINE = 15;
const ROW_PAD = 8;
const AXIS_HEIGHT = 30;
const LEGEND_HEIGHT = 32;
const CHARS_PER_LINE = Math.floor(LABEL_WIDTH / (FONT_SIZE * 0.6));
const COLOUR = '#1f5fa6';
const OPACITY: Record<PartialDate['precision'], string> = { day: '1', month: '0.55', year: '0.25' };
const PRECISION_RANK: Record<PartialDate['precision'], number> = { day: 0, month: 1, year: 2 };

const MONTHS: Record<Lang, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export interface TimelineInput {
  lang: Lang;
  mechanism: Text;
  meetings: Meeting[];
  href: (iri: string) => string | undefined;
}

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

function parts(d: PartialDate): Parts {
  const [year, month, day] = d.value.split('-').map(Number);
  return { year, month: d.precision === 'year' ? undefined : month, day: d.precision === 'day' ? day : undefined };
}

/** Days since 1970-01-01 of the first day the date allows, and of the day after the last. */
function span(d: PartialDate): [number, number] {
  const p = parts(d);
  const day = (y: number, m: number, dd: number) => Date.UTC(y, m - 1, dd) / 86_400_000;
  if (p.day !== undefined) return [day(p.year, p.month!, p.day), day(p.year, p.month!, p.day + 1)];
  if (p.month !== undefined) return [day(p.year, p.month, 1), day(p.year, p.month + 1, 1)];
  return [day(p.year, 1, 1), day(p.year + 1, 1, 1)];
}

function dayName(day: number, lang: Lang): string {
  return lang === 'fr' && day === 1 ? '1er' : String(day);
}

function formatDate(d: PartialDate, lang: Lang): string {
  const p = parts(d);
  if (p.month === undefined) return String(p.year);
  const month = MONTHS[lang][p.month - 1];
  if (p.day === undefined) return `${month} ${p.year}`;
  return `${dayName(p.day, lang)} ${month} ${p.year}`;
}

/** "25–26 mars 2004", "30 June – 2 July 2004", "2004 – March 2005": as short as the two dates allow. */
function formatRange(start: PartialDate, end: PartialDate | undefined, lang: Lang): string {
  if (!end || end.value === start.value) return formatDate(start, lang);
  const a = parts(start);
  const b = parts(end);
  if (a.day !== undefined && b.day !== undefined && a.year === b.year) {
    if (a.month === b.month) return `${dayName(a.day, lang)}–${dayName(b.day, lang)} ${MONTHS[lang][a.month! - 1]} ${a.year}`;
    return `${dayName(a.day, lang)} ${MONTHS[lang][a.month! - 1]} – ${dayName(b.day, lang)} ${MONTHS[lang][b.month! - 1]} ${a.year}`;
  }
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

interface Bar {
  from: number;
  to: number;
  /** The first and the last year the bar touches. */
  years: [number, number];
  precision: PartialDate['precision'];
  label: string;
}

/** One bar per start date; the end date closes it only when the pages give one start and one end, so no two values are paired by guess. */
function bars(m: Meeting, lang: Lang): Bar[] {
  const end = m.starts.length === 1 && m.ends.length === 1 ? m.ends[0] : undefined;
  return m.starts.map((start) => {
    const precision = end && PRECISION_RANK[end.precision] > PRECISION_RANK[start.precision] ? end.precision : start.precision;
    const years: [number, number] = [parts(start).year, Math.max(parts(start).year, end ? parts(end).year : 0)];
    return { from: span(start)[0], to: Math.max(span(start)[1], end ? span(end)[1] : 0), years, precision, label: formatRange(start, end, lang) };
  });
}

/** Year ticks, at most about a dozen of them. */
function yearTicks(firstYear: number, lastYear: number): number[] {
  const step = [1, 2, 5, 10, 20, 50].find((s) => (lastYear - firstYear) / s <= 12) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(firstYear / step) * step; y <= lastYear; y += step) ticks.push(y);
  return ticks;
}

function legend(y: number, lang: Lang): string {
  let x = 6;
  const items: string[] = [];
  for (const [precision, key] of [['day', 'exactDate'], ['month', 'monthOnly'], ['year', 'yearOnly']] as const) {
    const label = word(key, lang);
    items.push(
      `<rect x="${num(x)}" y="${y}" width="22" height="12" fill="${COLOUR}" fill-opacity="${OPACITY[precision]}"/>` +
        `<text x="${num(x + 28)}" y="${y + 11}" font-size="${FONT_SIZE}">${esc(label)}</text>`,
    );
    x += 28 + textWidth(label, FONT_SIZE) + 24;
  }
  return `<g class="legend">${items.join('')}</g>\n`;
}

function svg(input: TimelineInput, dated: { meeting: Meeting; bars: Bar[] }[]): string {
  const { lang } = input;
  const all = dated.flatMap((d) => d.bars);
  // The axis runs from 1 January of the first year to 1 January after the last year drawn.
  const firstYear = Math.min(...all.map((b) => b.years[0]));
  const lastYear = Math.max(...all.map((b) => b.years[1])) + 1;
  const axisFrom = Date.UTC(firstYear, 0, 1) / 86_400_000;
  const axisTo = Date.UTC(lastYear, 0, 1) / 86_400_000;
  const x = (day: number) => AXIS_START + ((day - axisFrom) / (axisTo - axisFrom)) * (AXIS_END - AXIS_START);

  let y = AXIS_HEIGHT;
  const rows: string[] = [];
  dated.forEach(({ meeting, bars }, i) => {
    const dates = bars.map((b) => b.label).join(' / ');
    // The name, then the place, each wrapped and in its own language; either may be missing.
    const blocks = [meeting.name, meeting.place].filter((t): t is Text => !!t).map((t) => ({ t, lines: wrap(t.value, CHARS_PER_LINE) }));
    const lineCount = blocks.reduce((n, b) => n + b.lines.length, 0);
    const height = ROW_PAD * 2 + LINE * (1 + lineCount);
    const middle = y + height / 2;
    const title = [dates, ...blocks.map((b) => b.t.value)].join(' — ');
    const shapes = bars
      .map((b) => {
        const left = x(b.from);
        const width = Math.max(x(b.to) - left, 4);
        return `<rect class="bar ${b.precision}" x="${num(left)}" y="${num(middle - 6)}" width="${num(width)}" height="12" rx="2" fill="${COLOUR}" fill-opacity="${OPACITY[b.precision]}" stroke="${COLOUR}" stroke-width="0.8"/>`;
      })
      .join('');
    let line = 1;
    const text = [`<text x="6" y="${y + ROW_PAD + 11}" font-size="${FONT_SIZE}" font-weight="bold">${esc(dates)}</text>`];
    blocks.forEach((b, n) => {
      const tspans = b.lines.map((l, k) => `<tspan x="6"${k ? ` dy="${LINE}"` : ''}>${esc(l)}</tspan>`).join('');
      text.push(`<text x="6" y="${y + ROW_PAD + LINE * line + 11}" font-size="${FONT_SIZE}"${n ? ' fill="#555555"' : ''}${langAttr(b.t, lang)}>${tspans}</text>`);
      line += b.lines.length;
    });
    const stripe = i % 2 ? '' : `<rect x="0" y="${y}" width="${WIDTH}" height="${height}" fill="#f3f6f9"/>`;
    const row = `<g class="meeting"><title>${esc(title)}</title>${stripe}${text.join('')}${shapes}</g>`;
    const href = input.href(meeting.iri);
    rows.push(href ? `<a href="${esc(href)}">${row}</a>` : row);
    y += height;
  });

  const ticks = yearTicks(firstYear, lastYear)
    .map((year) => {
      const tx = num(x(Date.UTC(year, 0, 1) / 86_400_000));
      return `<line x1="${tx}" y1="${AXIS_HEIGHT - 6}" x2="${tx}" y2="${y}" stroke="#c9d1d9" stroke-width="1"/><text x="${tx}" y="${AXIS_HEIGHT - 10}" font-size="${FONT_SIZE}" text-anchor="middle">${year}</text>`;
    })
    .join('\n');
  return (
    svgOpen({ id: 'timeline-title', className: 'picture timeline', width: WIDTH, height: y + LEGEND_HEIGHT, title: word('timelineTitle', lang, { name: input.mechanism.value }) }) +
    `${rows.join('\n')}\n<g class="axis">\n${ticks}\n</g>\n` +
    legend(y + 12, lang) +
    '</svg>'
  );
}

/** The figure: the timeline of the dated meetings, then the undated ones in text; empty when the mechanism has no meeting. */
export function timeline(input: TimelineInput): string {
  const { lang } = input;
  if (input.meetings.length === 0) return '';
  const dated = input.meetings
    .filter((m) => m.starts.length > 0)
    .map((meeting) => ({ meeting, bars: bars(meeting, lang) }))
    .sort((a, b) => Math.min(...a.bars.map((x) => x.from)) - Math.min(...b.bars.map((x) => x.from)) || cmp(a.meeting.iri, b.meeting.iri));
  const undated = input.meetings.filter((m) => m.starts.length === 0).sort((a, b) => cmp(a.iri, b.iri));
  const parts = [dated.length ? svg(input, dated) : `<p>${word('timelineEmpty', lang)}</p>`];
  if (undated.length) {
    const items = undated.map((m) => {
      const name = textHtml(m.name ?? { value: m.iri, lang: '' }, lang);
      const href = input.href(m.iri);
      const place = m.place ? ` — ${textHtml(m.place, lang)}` : '';
      return `<li>${href ? `<a href="${esc(href)}">${name}</a>` : name}${place}</li>`;
    });
    parts.push(`<p>${word('undated', lang)}</p>\n<ul class="undated">\n${items.join('\n')}\n</ul>`);
  }
  return `<figure class="timeline">\n${parts.join('\n')}\n</figure>`;
}
