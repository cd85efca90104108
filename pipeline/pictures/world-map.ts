// A mechanism's member and observer states on a world map, as static SVG drawn on the server: the
// countries of Natural Earth's 1:110m atlas (the world-atlas package) in the Equal Earth
// projection, joined to our states on their ISO 3166-1 numeric (= UN M49) codes. A state the atlas
// has no outline for at that scale (many small islands) is named below the map, never dropped.

import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { cmp } from '../serialize/order.ts';
import type { Lang } from '../serve/labels.ts';
import { MAP_ROLES, type Participant, type PrintedList } from './facts.ts';
import { capitalise, esc, langAttr, num, ROLE_COLOURS, svgOpen, textHtml, textWidth, type Text } from './svg.ts';
import { word } from './words.ts';

const WIDTH = 960;
const MAP_HEIGHT = 470;
const LEGEND_HEIGHT = 34;
const PAD = 4;

export interface WorldMapInput {
  lang: Lang;
  /** The mechanism's name, for the map's title. */
  mechanism: Text;
  participants: Participant[];
  lists: PrintedList[];
  roleNames: Map<string, Text>;
  /** Where a participant's name links, if anywhere. */
  href: (iri: string) => string | undefined;
}

interface Atlas {
  sphere: string;
  /** ISO 3166-1 numeric code → outline, in the atlas's order. */
  outlines: Map<string, string>;
  /** Outlines the atlas gives no code (Kosovo, Northern Cyprus, Somaliland): drawn, never joined. */
  uncoded: string[];
}

let atlas: Atlas | undefined;

/** The projected outlines, made once: every map draws the same countries and only colours differ. */
function loadAtlas(): Atlas {
  if (atlas) return atlas;
  const topology = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const projection = geoEqualEarth().fitExtent(
    [
      [PAD, PAD],
      [WIDTH - PAD, MAP_HEIGHT - PAD],
    ],
    { type: 'Sphere' },
  );
  // One decimal: sharp at this size, and the same bytes on every machine.
  const path = geoPath(projection).digits(1);
  const outlines = new Map<string, string>();
  const uncoded: string[] = [];
  for (const f of feature(topology, topology.objects.countries).features) {
    const d = path(f);
    if (!d) continue;
    if (f.id === undefined) uncoded.push(d);
    else outlines.set(String(f.id), d);
  }
  atlas = { sphere: path({ type: 'Sphere' })!, outlines, uncoded };
  return atlas;
}

function roleName(input: WorldMapInput, role: string): Text {
  return input.roleNames.get(role) ?? { value: role, lang: '' };
}

function link(input: WorldMapInput, iri: string, inner: string): string {
  const href = input.href(iri);
  return href ? `<a href="${esc(href)}">${inner}</a>` : inner;
}

/** The outline of one participant, in the colour of its first role, named in its tooltip with all its roles. */
function participantPath(input: WorldMapInput, p: Participant, d: string): string {
  const roles = p.roles.map((r) => roleName(input, r).value).join(', ');
  const title = `<title>${esc(p.name.value)} — ${esc(roles)}</title>`;
  const shape = `<path class="${p.roles.map(esc).join(' ')}" fill="${ROLE_COLOURS[p.roles[0]]}" d="${d}">${title}</path>`;
  return link(input, p.iri, shape);
}

function legend(input: WorldMapInput, counts: Map<string, number>): string {
  let x = PAD + 6;
  const y = MAP_HEIGHT + 10;
  const items: string[] = [];
  for (const role of MAP_ROLES) {
    const n = counts.get(role);
    if (!n) continue;
    const name = roleName(input, role);
    const label = `${capitalise(name.value)} (${n})`;
    items.push(
      `<rect x="${num(x)}" y="${y}" width="14" height="14" fill="${ROLE_COLOURS[role]}"/>` +
        `<text x="${num(x + 20)}" y="${y + 12}" font-size="13"${langAttr(name, input.lang)}>${esc(label)}</text>`,
    );
    x += 20 + textWidth(label, 13) + 24;
  }
  return `<g class="legend">${items.join('')}</g>\n`;
}

/** The map itself: every country in grey, then the participants drawn over them, then the legend. */
function mapSvg(input: WorldMapInput, drawn: Map<string, Participant>, counts: Map<string, number>): string {
  const { sphere, outlines, uncoded } = loadAtlas();
  const background = [...[...outlines].filter(([code]) => !drawn.has(code)).map(([, d]) => d), ...uncoded];
  const highlighted = [...drawn].sort(([a], [b]) => cmp(a, b)).map(([code, p]) => participantPath(input, p, outlines.get(code)!));
  return (
    svgOpen({ id: 'world-map-title', className: 'picture world-map', width: WIDTH, height: MAP_HEIGHT + LEGEND_HEIGHT, title: word('mapTitle', input.lang, { name: input.mechanism.value }) }) +
    `<path class="sphere" fill="#eef3f7" stroke="#b8c4ce" stroke-width="0.8" d="${sphere}"/>\n` +
    `<g class="countries" fill="#d5d9dd" stroke="#ffffff" stroke-width="0.5">\n${background.map((d) => `<path d="${d}"/>`).join('\n')}\n</g>\n` +
    `<g class="participants" stroke="#ffffff" stroke-width="0.5">\n${highlighted.join('\n')}\n</g>\n` +
    legend(input, counts) +
    '</svg>'
  );
}

/** The figure: the map, then, in text, what the map cannot show. */
export function worldMap(input: WorldMapInput): string {
  const { outlines } = loadAtlas();
  const lang = input.lang;
  const participants = input.participants.filter((p) => p.roles.length > 0);
  const drawn = new Map<string, Participant>();
  const withoutShape: Participant[] = [];
  for (const p of participants) {
    if (p.code && outlines.has(p.code) && !drawn.has(p.code)) drawn.set(p.code, p);
    else withoutShape.push(p);
  }
  const counts = new Map<string, number>();
  for (const p of participants) for (const r of p.roles) counts.set(r, (counts.get(r) ?? 0) + 1);


  const caption: string[] = [];
  if (participants.length === 0) caption.push(`<p>${word('mapEmpty', lang)}</p>`);
  caption.push(...listNotes(input));
  if (withoutShape.length) {
    const names = withoutShape
      .sort((a, b) => cmp(a.name.value, b.name.value) || cmp(a.iri, b.iri))
      .map((p) => {
        const roles = p.roles.length > 1 || p.roles[0] !== 'member-state' ? ` (${esc(p.roles.map((r) => roleName(input, r).value).join(', '))})` : '';
        return `<li>${link(input, p.iri, textHtml(p.name, lang))}${roles}</li>`;
      });
    caption.push(`<p>${word('withoutShape', lang)}</p>\n<ul class="without-shape">\n${names.join('\n')}\n</ul>`);
  }
  // A map with nothing on it says less than the sentence that replaces it.
  return `<figure class="world-map">\n${participants.length ? `${mapSvg(input, drawn, counts)}\n` : ''}<figcaption>\n${caption.join('\n')}\n</figcaption>\n</figure>`;
}

/** For each role, every printed list with how much of it the pages show, so that a partial list is never read as whole. */
function listNotes(input: WorldMapInput): string[] {
  const notes: string[] = [];
  for (const role of MAP_ROLES) {
    const lists = input.lists.filter((l) => l.role === role);
    if (!lists.length) continue;
    const counts = lists.map((l) => {
      const values = { listed: String(l.listed), declared: String(l.declared) };
      if (l.complete) return word(l.declared === undefined ? 'listCompleteNoTotal' : 'listComplete', input.lang, values);
      return word(l.declared === undefined ? 'listPartialNoTotal' : 'listPartial', input.lang, values);
    });
    const name = roleName(input, role);
    const sentence = word('lists', input.lang, { role: textHtml({ ...name, value: capitalise(name.value) }, input.lang), lists: counts.join(input.lang === 'fr' ? ' ; ' : '; ') });
    notes.push(`<p class="lists">${sentence}${lists.some((l) => !l.complete) ? ` ${word('partialWarning', input.lang)}` : ''}</p>`);
  }
  return notes;
}
