// The built output/ as the query, serve, export and load commands see it. They read what `make`
// published, never the sources, so that every answer they give is about the released files.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BuildError, error } from '../diagnostics.ts';
import { cmp } from '../serialize/order.ts';

/** A file of output/, offered for download at /download/{name}. */
export interface DumpFile {
  /** The path inside output/, with "/" between folders. */
  name: string;
  mediaType: string;
  content: Buffer;
}

export interface Dumps {
  dir: string;
  /** Every triple of the release, as N-Triples. */
  ntriples: string;
  /** The dataset description (DCAT, VoID, PROV), when the build wrote one. */
  description?: string;
  /** Every file of output/, by path: the dumps, their gzip copies, the description, the ontology, the reports. */
  files: DumpFile[];
}

const REQUIRED = ['iscm.nt', 'iscm.ttl', 'iscm.jsonld', 'iscm.rdf'];
const DESCRIPTION = 'dataset.ttl';

const MEDIA_TYPES: Record<string, string> = {
  ttl: 'text/turtle',
  nt: 'application/n-triples',
  nq: 'application/n-quads',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
  gz: 'application/gzip',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
};

function mediaTypeOf(name: string): string {
  if (name.endsWith('SHA256SUMS')) return 'text/plain; charset=utf-8';
  return MEDIA_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort(cmp)
    .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
}

export function readDumps(outDir: string): Dumps {
  const missing = REQUIRED.filter((name) => !existsSync(join(outDir, name)));
  if (missing.length)
    throw new BuildError(missing.map((name) => error('missing-dump', `${join(outDir, name)} does not exist; run \`make\` first`)));
  const files = listFiles(outDir).map((name) => ({ name, mediaType: mediaTypeOf(name), content: readFileSync(join(outDir, name)) }));
  const text = (name: string) => files.find((f) => f.name === name)?.content.toString('utf8');
  return { dir: outDir, ntriples: text('iscm.nt')!, description: text(DESCRIPTION), files };
}
