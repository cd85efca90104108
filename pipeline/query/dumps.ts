// The built output/ as the query, serve, export and load commands see it. They read what `make`
// published, never the sources, so that every answer they give is about the released files.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildError, error } from '../diagnostics.ts';

/** A file offered for download, with the media type it is served as. */
export interface DumpFile {
  name: string;
  mediaType: string;
  content: Buffer;
}

export interface Dumps {
  dir: string;
  /** Every triple of the release, as N-Triples. */
  ntriples: string;
  /** The dataset description (DCAT/VoID), when the build wrote one. */
  description?: string;
  /** The dumps and the description, in the order a download page lists them. */
  files: DumpFile[];
}

const DUMPS: readonly (readonly [string, string])[] = [
  ['iscm.ttl', 'text/turtle'],
  ['iscm.nt', 'application/n-triples'],
  ['iscm.jsonld', 'application/ld+json'],
  ['iscm.rdf', 'application/rdf+xml'],
];
const DESCRIPTION = ['dataset.ttl', 'text/turtle'] as const;

export function readDumps(outDir: string): Dumps {
  const missing = DUMPS.filter(([name]) => !existsSync(join(outDir, name)));
  if (missing.length)
    throw new BuildError(missing.map(([name]) => error('missing-dump', `${join(outDir, name)} does not exist; run \`make\` first`)));
  const files = [...DUMPS, DESCRIPTION]
    .filter(([name]) => existsSync(join(outDir, name)))
    .map(([name, mediaType]) => ({ name, mediaType, content: readFileSync(join(outDir, name)) }));
  const text = (name: string) => files.find((f) => f.name === name)?.content.toString('utf8');
  return { dir: outDir, ntriples: text('iscm.nt')!, description: text(DESCRIPTION[0]), files };
}
