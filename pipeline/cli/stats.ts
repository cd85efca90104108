// `iscm stats`: what a build holds, counted: mechanisms, memberships by role, lists complete and
// partial, meetings, documents, and how the printed names were reconciled. Read from the build
// (output/ by default), so that the numbers are those of the published data.

import { join } from 'node:path';
import { Graph, RDF_TYPE } from '../diff/graph.ts';
import { localName } from '../diff/words.ts';
import { parseCommand } from './args.ts';
import { EXIT } from './exit.ts';
import { projectRoot } from './project.ts';
import { readBuild } from './read-build.ts';

export const help = `Usage: iscm stats [BUILD] [--json]

Counts what a build holds: mechanisms, memberships (by role), participant lists (complete and
partial), meetings, documents, distinct member states, triples, and the printed names by how
they were reconciled (exact, alias, unresolved; from the build's reconciliation report).

BUILD is an output folder or a dump (.nt, .ttl, .jsonld, .rdf); default: the project's output/.

Options:
  --json       the counts as one JSON object on stdout
  -h, --help   show this help

Exit codes: 0 counted, 1 the dump cannot be parsed, 2 usage, 3 internal error.
`;

const ORG = 'http://www.w3.org/ns/org#';
const SKOS_NOTATION = 'http://www.w3.org/2004/02/skos/core#notation';

export interface Stats {
  mechanisms: number;
  memberships: { total: number; byRole: Record<string, number> };
  lists: { total: number; complete: number; partial: number };
  meetings: number;
  documents: number;
  memberStates: number;
  triples: number;
  names: { exact: number; alias: number; unresolved: number } | null;
}

export function countBuild(g: Graph, names: Stats['names']): Stats {
  const ofType = new Map<string, string[]>();
  for (const [s, triples] of g.bySubject)
    for (const t of triples) {
      if (t.predicate !== RDF_TYPE) continue;
      const list = ofType.get(t.object.value);
      if (list) list.push(s);
      else ofType.set(t.object.value, [s]);
    }
  // The ontology's namespace follows the build's base IRI; the mechanisms' type says which it is.
  const mechanismType = [...ofType.keys()].find((t) => localName(t) === 'ConsultationMechanism') ?? '';
  const iscm = (local: string) => `${mechanismType.slice(0, mechanismType.length - 'ConsultationMechanism'.length)}${local}`;
  const all = (type: string) => ofType.get(type) ?? [];
  const one = (s: string, p: string) => g.values(s, p)[0]?.value;

  const byRole: Record<string, number> = {};
  const memberStates = new Set<string>();
  for (const m of all(`${ORG}Membership`)) {
    const role = one(m, `${ORG}role`);
    const notation = (role && one(role, SKOS_NOTATION)) ?? 'unknown';
    byRole[notation] = (byRole[notation] ?? 0) + 1;
    const member = one(m, `${ORG}member`);
    if (member && notation === 'member-state' && g.types(member).includes(iscm('State'))) memberStates.add(member);
  }
  const lists = all(iscm('ParticipantList'));
  const complete = lists.filter((l) => one(l, iscm('isComplete')) === 'true').length;
  return {
    mechanisms: all(mechanismType).length,
    memberships: { total: all(`${ORG}Membership`).length, byRole: Object.fromEntries(Object.entries(byRole).sort(([a], [b]) => (a < b ? -1 : 1))) },
    lists: { total: lists.length, complete, partial: lists.length - complete },
    meetings: all(iscm('Meeting')).length,
    documents: all(iscm('Document')).length,
    memberStates: memberStates.size,
    triples: g.size,
    names,
  };
}

export function formatStats(s: Stats): string {
  const rows: [string, number][] = [
    ['mechanisms', s.mechanisms],
    ['memberships', s.memberships.total],
    ...Object.entries(s.memberships.byRole).map(([role, n]): [string, number] => [`  ${role}`, n]),
    ['participant lists', s.lists.total],
    ['  complete', s.lists.complete],
    ['  partial', s.lists.partial],
    ['meetings', s.meetings],
    ['documents', s.documents],
    ['distinct member states', s.memberStates],
    ...(s.names
      ? ([
          ['printed names', s.names.exact + s.names.alias + s.names.unresolved],
          ['  exact', s.names.exact],
          ['  alias', s.names.alias],
          ['  unresolved', s.names.unresolved],
        ] as [string, number][])
      : []),
    ['triples', s.triples],
  ];
  const keys = Math.max(...rows.map(([k]) => k.length));
  const numbers = Math.max(...rows.map(([, n]) => String(n).length));
  return `${rows.map(([k, n]) => `${k.padEnd(keys)}  ${String(n).padStart(numbers)}`).join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' } }, { min: 0, max: 1, names: 'at most one build' });
  const path = positionals[0] ?? join(projectRoot(), process.env.ISCM_OUT ?? 'output');
  const build = readBuild(path);
  const stats = countBuild(new Graph(build.triples), build.names ?? null);
  process.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
  return EXIT.ok;
}
