// How diagnostics reach a maintainer. On a terminal: the usual `file:line:col: error code: message`
// line, in colour unless NO_COLOR is set, then a frame of the YAML with a caret under the column,
// as compilers show it. Elsewhere: that line alone, plain, for CI logs, greps and problem matchers.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { palette, wantsColor, wantsLayout, type Env, type Palette, type Stream } from './terminal.ts';

const CONTEXT_LINES = 2;

export function formatPretty(d: Diagnostic, sourceText: string | undefined, ansi: Palette): string {
  const where = d.file ? ansi.bold(`${d.file}:${d.line ?? 1}:${d.column ?? 1}:`) + ' ' : '';
  const severity = d.severity === 'error' ? ansi.red(ansi.bold('error')) : ansi.yellow(ansi.bold('warning'));
  const head = `${where}${severity} ${ansi.bold(d.code)}: ${d.message}`;
  if (sourceText === undefined || d.line === undefined) return head;
  return [head, ...codeFrame(sourceText, d.line, d.column ?? 1, ansi)].join('\n');
}

/** The lines around `line`, numbered, with a caret under `column` (1-based, as diagnostics count). */
export function codeFrame(text: string, line: number, column: number, ansi: Palette): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop(); // the newline that ends the last line starts no line of its own
  if (line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const gutter = `${n === line ? ansi.red('>') : ' '} ${ansi.dim(`${String(n).padStart(width)} |`)}`;
    out.push(`${gutter} ${lines[n - 1]}`.trimEnd());
    if (n === line) {
      // Tabs stay tabs so that the caret lines up however the terminal expands them.
      const pad = lines[n - 1].slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
      out.push(`  ${ansi.dim(`${' '.repeat(width)} |`)} ${pad}${ansi.red(ansi.bold('^'))}`);
    }
  }
  return out;
}

/** The diagnostics as JSON-ready objects, with the same fields whatever the stage that made them. */
export function diagnosticsJson(ds: Diagnostic[]) {
  return ds.map((d) => ({ file: d.file ?? null, line: d.line ?? null, column: d.column ?? null, severity: d.severity, code: d.code, message: d.message }));
}

/** Writes each diagnostic to `stream`, pretty when it is a terminal, reading the YAML it points into from `root`. */
export function writeDiagnostics(ds: Diagnostic[], root: string, stream: Stream = process.stderr, env: Env = process.env): void {
  const pretty = wantsLayout(stream, env);
  const colors = palette(wantsColor(stream, env));
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string | undefined) => {
    if (!file) return undefined;
    if (!texts.has(file)) texts.set(file, readForFrame(join(root, file)));
    return texts.get(file);
  };
  // On a terminal a blank line sets each framed diagnostic apart.
  for (const d of ds) stream.write(pretty ? `${formatPretty(d, textOf(d.file), colors)}\n\n` : `${formatDiagnostic(d)}\n`);
}

// The frame shows the file as it stands now; a file that cannot be read just gets no frame.
function readForFrame(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
