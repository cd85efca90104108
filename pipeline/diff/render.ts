// The semantic diff as a maintainer reads it: a summary line, then one block per resource with a
// line per change, `+` added, `-` removed, `~` changed. Colour only where wanted (terminal.ts).

import { palette } from '../cli/terminal.ts';
import type { SemanticDiff, Status } from './semantic.ts';
import { plural } from './words.ts';

const MARK: Record<Status, string> = { added: '+', removed: '-', changed: '~' };

export function renderDiff(d: SemanticDiff, color: boolean): string {
  const ansi = palette(color);
  const paint: Record<Status, (s: string) => string> = { added: ansi.green, removed: ansi.red, changed: ansi.yellow };
  if (!d.resources.length) return 'no differences\n';
  const count = (st: Status) => d.resources.filter((r) => r.status === st).length;
  const lines = [
    `${plural(d.resources.length, 'resource')} differ: ${count('added')} added, ${count('removed')} removed, ${count('changed')} changed ` +
      `(${plural(d.triplesAdded, 'triple')} added, ${d.triplesRemoved} removed)`,
  ];
  let previous: 'block' | 'line' = 'block';
  for (const r of d.resources) {
    const [only] = r.changes;
    // A resource added or removed whole is one line; runs of them are not spaced out.
    if (r.changes.length === 1 && only.subject === r.iri && only.change !== 'changed') {
      if (previous === 'block') lines.push('');
      lines.push(paint[only.change](`${MARK[only.change]} ${only.text} <${r.iri}>`));
      previous = 'line';
      continue;
    }
    lines.push('', paint[r.status](ansi.bold(`${MARK[r.status]} ${r.label} (${r.kind}) <${r.iri}>`)));
    for (const c of r.changes) lines.push(paint[c.change](`    ${MARK[c.change]} ${c.text}`));
    previous = 'block';
  }
  return `${lines.join('\n')}\n`;
}
