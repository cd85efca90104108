// The country table as the pipeline uses it: corrected, with codes zero-padded, and a
// name index that keeps only names belonging to one country (an ambiguous name never resolves).

import type { Table } from '../load/index.ts';

export interface Country {
  alpha2: string;
  alpha3: string;
  numeric: string;
  m49: string;
  names: { fr: string; en: string };
  geonames?: string;
  wikidata?: string;
  /** UN M49 areas, from the world down: [code, English name] pairs. */
  areas: { code: string; name: string; level: 'world' | 'region' | 'sub-region' | 'intermediate-region' }[];
}

const pad3 = (s: string) => (s ? s.padStart(3, '0') : '');
const stripArticle = (s: string) => s.replace(/\s*\((?:l'|le|la|les|the)\)$/i, '').trim();

export function readCountries(countries: Table, corrections: Table): Map<string, Country> {
  const fixes = new Map<string, [string, string][]>();
  for (const r of corrections.rows) {
    const list = fixes.get(r.cells.alpha3) ?? [];
    list.push([r.cells.field, r.cells.value]);
    fixes.set(r.cells.alpha3, list);
  }
  const out = new Map<string, Country>();
  for (const { cells: raw } of countries.rows) {
    const c: Record<string, string> = { ...raw };
    for (const [field, value] of fixes.get(c['ISO3166-1-Alpha-3']) ?? []) c[field] = value;
    const areas: Country['areas'] = [];
    if (c['Global Code']) areas.push({ code: pad3(c['Global Code']), name: c['Global Name'], level: 'world' });
    if (c['Region Code']) areas.push({ code: pad3(c['Region Code']), name: c['Region Name'], level: 'region' });
    if (c['Sub-region Code']) areas.push({ code: pad3(c['Sub-region Code']), name: c['Sub-region Name'], level: 'sub-region' });
    if (c['Intermediate Region Code'])
      areas.push({ code: pad3(c['Intermediate Region Code']), name: c['Intermediate Region Name'], level: 'intermediate-region' });
    const alpha3 = c['ISO3166-1-Alpha-3'];
    out.set(alpha3, {
      alpha2: c['ISO3166-1-Alpha-2'],
      alpha3,
      numeric: pad3(c['ISO3166-1-numeric']),
      m49: pad3(c.M49),
      names: { fr: c.official_name_fr, en: c.official_name_en },
      geonames: /^\d+$/.test(c['Geoname ID']) ? c['Geoname ID'] : undefined,
      wikidata: /Q[1-9]\d*$/.exec(c.wikidata_id)?.[0],
      areas,
    });
  }
  return out;
}

/** Names that identify exactly one country; names shared by two countries are left out. */
export function countryNameIndex(countries: Table, corrections: Table): Map<string, string> {
  const byName = new Map<string, Set<string>>();
  const fixed = readCountries(countries, corrections);
  for (const { cells } of countries.rows) {
    const alpha3 = cells['ISO3166-1-Alpha-3'];
    const country = fixed.get(alpha3)!;
    const names = [
      country.names.fr,
      country.names.en,
      stripArticle(cells['UNTERM French Short'] ?? ''),
      stripArticle(cells['UNTERM English Short'] ?? ''),
      cells['CLDR display name'] ?? '',
    ];
    for (const n of names.filter(Boolean)) {
      const key = n.normalize('NFC');
      byName.set(key, (byName.get(key) ?? new Set()).add(alpha3));
    }
  }
  return new Map([...byName].filter(([, codes]) => codes.size === 1).map(([n, codes]) => [n, [...codes][0]]));
}
