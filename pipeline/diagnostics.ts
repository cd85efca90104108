// One diagnostic shape for every stage, so that a maintainer reads the same
// `file:line:col: severity code: message` whether YAML, a reference or a SHACL shape failed.

export type Severity = 'error' | 'warning';

export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends Partial<Location> {
  code: string;
  severity: Severity;
  message: string;
}

/** Thrown by a stage that cannot go on; carries every diagnostic it found, not only the first. */
export class BuildError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'BuildError';
  }
}

export function error(code: string, message: string, at?: Partial<Location>): Diagnostic {
  return { code, severity: 'error', message, ...at };
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}:${d.line ?? 1}:${d.column ?? 1}: ` : '';
  return `${where}${d.severity} ${d.code}: ${d.message}`;
}

/** Sorted by file, line and column, so that reports are stable and read top to bottom. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

export function hasErrors(ds: Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
