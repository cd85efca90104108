// What the three pictures share: the SVG frame, escaping, numbers written the same way on every
// machine, and text measured without a browser. The pictures are drawn once, on the server, and
// must come out byte for byte the same, so nothing here asks a font or a locale.

import { escapeHtml } from '../serve/html/escape.ts';

/** Text from the data, with its language tag ('' when it has none). */
export interface Text {
  value: string;
  lang: string;
}

export const esc = escapeHtml;

/** Member states in blue, observer states in orange: told apart with any colour vision. */
export const ROLE_COLOURS: Record<string, string> = { 'member-state': '#1f5fa6', 'observer-state': '#e08a12' };

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A length with at most one decimal, never "-0". */
export function num(x: number): string {
  const s = (Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '');
  return s === '-0' ? '0' : s;
}

/** The font every picture uses, so that the estimate below holds. */
const FONT = 'DejaVu Sans, Verdana, system-ui, sans-serif';

/** A generous width for `text` at `size` px: DejaVu Sans and Verdana, the widest common faces, average 0.6 em a character. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.6;
}

/** Words into lines of at most `max` characters (a longer word keeps a line to itself). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && [...line].length + 1 + [...w].length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` cut to `max` characters with an ellipsis; the full text goes in a <title>. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A language attribute for text whose language differs from the page's. */
export function langAttr(t: Text, pageLang: string): string {
  return t.lang && t.lang !== pageLang ? ` lang="${esc(t.lang)}"` : '';
}

/** Escaped text for HTML, in a <span> with its language when that differs from the page's. */
export function textHtml(t: Text, pageLang: string): string {
  const attr = langAttr(t, pageLang);
  return attr ? `<span${attr}>${esc(t.value)}</span>` : esc(t.value);
}

/** The opening of a standalone SVG whose accessible name is its <title>. It has a viewBox and no size,
 * so that a page shows it at the width of its column, scaled, with no style attribute (which the
 * server's Content-Security-Policy would refuse). */
export function svgOpen(o: { id: string; className: string; width: number; height: number; title: string }): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${o.className}" viewBox="0 0 ${num(o.width)} ${num(o.height)}"` +
    ` role="img" aria-labelledby="${o.id}" font-family="${FONT}">\n<title id="${o.id}">${esc(o.title)}</title>\n`
  );
}
