// What the other end of an output stream can show. Colour, code frames and progress bars are for
// a person at a terminal; CI logs and pipes get plain lines that tools, greps and diffs can read.

export type Env = Record<string, string | undefined>;

export interface Stream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

const set = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v !== 'false';

const terminal = (stream: Stream, env: Env) => stream.isTTY === true && env.TERM !== 'dumb';

/** Colour: FORCE_COLOR and NO_COLOR (https://no-color.org) win, then a terminal that is not dumb. */
export function wantsColor(stream: Stream, env: Env): boolean {
  if (set(env.FORCE_COLOR)) return true;
  if (set(env.NO_COLOR)) return false;
  return terminal(stream, env);
}

/** Layout for people (code frames): on a terminal, even without colour, or where colour is forced. */
export function wantsLayout(stream: Stream, env: Env): boolean {
  return wantsColor(stream, env) || terminal(stream, env);
}

/** Redrawn progress lines: only on a terminal, and never in CI, whose logs keep every redraw. */
export function wantsProgress(stream: Stream, env: Env): boolean {
  return terminal(stream, env) && !set(env.CI);
}

const paint = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export const ansi = {
  bold: paint(1, 22),
  dim: paint(2, 22),
  red: paint(31, 39),
  yellow: paint(33, 39),
  green: paint(32, 39),
};

export type Palette = typeof ansi;
const same = (s: string) => s;
export const noColor: Palette = { bold: same, dim: same, red: same, yellow: same, green: same };

export function palette(color: boolean): Palette {
  return color ? ansi : noColor;
}
