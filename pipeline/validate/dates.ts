// Partial dates as IOM's pages print them: YYYY, YYYY-MM or YYYY-MM-DD.

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d >= 1 && d <= days;
}

/** True when `end` is surely before `start`, compared at the precision both share. */
export function endsBeforeStart(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}

export function xsdDatatypeOf(s: string): 'gYear' | 'gYearMonth' | 'date' {
  return s.length === 4 ? 'gYear' : s.length === 7 ? 'gYearMonth' : 'date';
}
