// `iscm diff A B`: what changed between two builds or releases, in words and grouped by resource,
// so that a maintainer (and CI, via scripts/diff-sources.sh) reviews the effect of a change to the
// sources on the published data rather than a diff of sorted triples.

import { Graph } from '../diff/graph.ts';
import { renderDiff } from '../diff/render.ts';
import { semanticDiff } from '../diff/semantic.ts';
import { parseCommand } from './args.ts';
import { EXIT } from './exit.ts';
import { readBuild } from './read-build.ts';
import { wantsColor } from './terminal.ts';

export const help = `Usage: iscm diff A B [--json]

Says in words what differs between two builds or releases, A the older and B the newer. Each is an
output folder (its data, iscm.nt) or a dump: .nt, .ttl, .jsonld or .rdf.

Changes are grouped by resource (a mechanism with its memberships, lists, meetings and documents; a
state; an organisation; a concept), one line each:
  ~ label (en) changed from "Minimal Test Dialogue" to "Minimal Test Forum"
  ~ meeting/2004-12-16-berne: start date changed from 2004-12-16 to 2004-12-15
  + member added: France as member-state (membership/member-state/main/state/FRA)

Options:
  --json       the differences as one JSON object on stdout
  -h, --help   show this help

Example: compare the committed build with the one you just made
  git show HEAD:output/iscm.nt > /tmp/before.nt && make && iscm diff /tmp/before.nt output

Exit codes: 0 compared (whether or not they differ), 1 a dump cannot be parsed, 2 usage, 3 internal error.
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, { min: 2, max: 2, names: 'two builds: iscm diff A B' });
  const [before, after] = positionals.map((p) => graphOf(p));
  const diff = semanticDiff(before, after);
  process.stdout.write(values.json ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff, wantsColor(process.stdout, process.env)));
  return EXIT.ok;
}

function graphOf(path: string): Graph {
  return new Graph(readBuild(path).triples);
}
