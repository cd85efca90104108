// Reads a build for the commands that look at one (diff, stats): an output folder, or one dump in
// any of the four formats the build writes. Read-only; the sources are never read here. N-Triples
// and Turtle go through n3's parser, several times faster here than reading terms out of oxigraph;
// JSON-LD and RDF/XML, which n3 does not read, are parsed by oxigraph and handed over as N-Quads.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Parser } from 'n3';
import * as oxigraph from 'oxigraph';
import { BuildError, error } from '../diagnostics.ts';
import { toValue, type Triple } from '../diff/graph.ts';
import { DEFAULT_BASE } from '../iri.ts';
import { UsageError } from './exit.ts';

const FORMATS: Record<string, string> = {
  '.nt': 'application/n-triples',
  '.ttl': 'text/turtle',
  '.jsonld': 'application/ld+json',
  '.rdf': 'application/rdf+xml',
};

/** The data of an output folder. Its dataset description is left out: its checksums change with every byte. */
const DATA = 'iscm.nt';

export interface ReadBuild {
  triples: Triple[];
  /** The reconciliation counts of an output folder's report, when there is one. */
  names?: { exact: number; alias: number; unresolved: number };
}

export function readBuild(path: string): ReadBuild {
  if (!existsSync(path)) throw new UsageError(`${path} does not exist`);
  if (!statSync(path).isDirectory()) {
    if (!FORMATS[extname(path)]) throw new UsageError(`${path} is not a dump: give an output folder or a .nt, .ttl, .jsonld or .rdf file`);
    return { triples: parseDump(path) };
  }
  if (!existsSync(join(path, DATA))) throw new UsageError(`${path} has no ${DATA}; give an output folder or a dump file`);
  const triples = parseDump(join(path, DATA));
  const report = join(path, 'reports', 'reconciliation.json');
  const names = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as { counts: ReadBuild['names'] }).counts : undefined;
  return { triples, names };
}

function parseDump(file: string): Triple[] {
  const format = FORMATS[extname(file)];
  try {
    let text = readFileSync(file, 'utf8');
    let n3Format = format === 'text/turtle' ? 'Turtle' : 'N-Triples';
    if (format === 'application/ld+json' || format === 'application/rdf+xml') {
      const store = new oxigraph.Store();
      store.load(text, { format, base_iri: DEFAULT_BASE });
      text = store.dump({ format: 'application/n-quads' });
      n3Format = 'N-Quads';
    }
    return new Parser({ format: n3Format, baseIRI: DEFAULT_BASE })
      .parse(text)
      .map((q) => ({ subject: toValue(q.subject).value, predicate: q.predicate.value, object: toValue(q.object) }));
  } catch (e) {
    throw new BuildError([error('unreadable-dump', `${file} cannot be parsed: ${(e as Error).message}`, { file, line: 1, column: 1 })]);
  }
}
