// The semantic diff as a maintainer reads it: a summary line, then one block per resource with a
// line per change, `+` added, `-` removed, `~` changed. Colour only where wanted (terminal.ts).

import { ansi } from '../cli/terminal.ts';
import type { SemanticDiff, Status } from './semantic.ts';
import { plural } from './words.ts';

const MARK: Record<Status, string> = { added: '+', removed: '-', changed: '~' };

export function renderDiff(d: SemanticDiff, color: boolean): string {
  const paint: Record<Status, (s: string) => string> = color
    ? { added: ansi.green, removed: ansi.red, changed: ansi.yellow }
    : { added: (s) => s, removed: (s) => s, changed: (s) => s };
  if (!d.resources.length) return 'no differences\n';
  const count = (st: Status) => d.resources.filter((r) => r.status === st).length;
  const lines = [
    `${plural(d.resources.length, 'resource')} differ: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed ` +
      `(${plural(d.triplesAdded, 'triple')} added, ${d.triplesRemoved} removed)`,
  ];
  for (const r of d.resources) {
    const head = `${MARK[r.status]} ${r.label} (${r.kind}) <${r.iri}>`;
    lines.push('', paint[r.status](color ? ansi.bold(head) : head));
    for (const c of r.changes) lines.push(paint[c.change](`    ${MARK[c.change]} ${c.text}`));
  }
  return `${lines.join('\n')}\n`;
}
