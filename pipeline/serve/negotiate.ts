// Content negotiation (RFC 9110): which of the representations a resource offers the client
// prefers, from Accept and Accept-Language, with q-values and wildcards. Ties go to the order in
// which the resource offers them, so a client that accepts anything gets the first offer.

interface Range {
  value: string;
  q: number;
}

function parseRanges(header: string): Range[] {
  return header
    .split(',')
    .map((part) => {
      const [value, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { value, q: Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0 };
    })
    .filter((r) => r.value !== '');
}

/** How specifically a media range names a type: exact 3, type/* 2, * / * 1, no match 0. */
function mediaSpecificity(range: string, type: string): number {
  if (range === type) return 3;
  if (range === '*/*') return 1;
  if (range.endsWith('/*') && type.startsWith(range.slice(0, -1))) return 2;
  return 0;
}

function languageSpecificity(range: string, tag: string): number {
  if (range === tag) return 3;
  if (range.split('-')[0] === tag) return 2;
  if (range === '*') return 1;
  return 0;
}

function choose<T extends string>(header: string | undefined, offers: readonly T[], specificity: (range: string, offer: string) => number): T | undefined {
  if (header === undefined || header.trim() === '') return offers[0];
  const ranges = parseRanges(header);
  let best: { offer: T; q: number } | undefined;
  for (const offer of offers) {
    let q = 0;
    let most = 0;
    for (const r of ranges) {
      const s = specificity(r.value, offer.toLowerCase());
      if (s > most) {
        most = s;
        q = r.q;
      }
    }
    if (q > 0 && (!best || q > best.q)) best = { offer, q };
  }
  return best?.offer;
}

/** The offered media type the Accept header prefers, or undefined when it accepts none (406). */
export function chooseMediaType<T extends string>(accept: string | undefined, offers: readonly T[]): T | undefined {
  return choose(accept, offers, mediaSpecificity);
}

/** The offered language the Accept-Language header prefers; the first offer when it names none of them. */
export function chooseLanguage<T extends string>(acceptLanguage: string | undefined, offers: readonly T[]): T {
  return choose(acceptLanguage, offers, languageSpecificity) ?? offers[0];
}
