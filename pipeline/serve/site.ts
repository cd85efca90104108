// What every page and handler needs to know about the release being served: its store, labels,
// JSON-LD context, prefixes and researcher queries, and how a dataset IRI maps to a local path
// (`{base}id/…` is served at `/id/…`, its document at `/doc/…`).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Release } from '../query/release.ts';
import { prefixes } from '../serialize/turtle.ts';
import { cmp } from '../serialize/order.ts';
import { collectLabels, type Labels } from './labels.ts';

/** The ontology's documentation in output/, with an anchor per term. */
const ONTOLOGY_PAGE = 'ontology/index.html';

interface ExampleQuery {
  /** The file name without `.rq`. */
  name: string;
  /** The comment lines at the top of the file. */
  question: string;
  text: string;
}

export interface Site {
  release: Release;
  labels: Labels;
  context: Record<string, unknown>;
  prefixes: Record<string, string>;
  examples: ExampleQuery[];
  /** False for the static export, whose host has no SPARQL endpoint to link to. */
  endpoint: boolean;
  /** Where a page links an IRI on this site: `/id/…` for a dataset IRI, the ontology's page for one of its terms. */
  localPath(iri: string): string | undefined;
  /** The dataset IRI that `/id/{path}` stands for. */
  iriOf(path: string): string;
}

function readExamples(dir: string): ExampleQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort(cmp)
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const question = text
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.replace(/^#\s?/, ''))
        .join(' ');
      return { name: f.slice(0, -3), question, text };
    });
}

export function openSite(release: Release, root: string, endpoint: boolean): Site {
  const idBase = `${release.iris.base}id/`;
  const termBase = release.iris.term('');
  const ontologyPage = release.dumps.files.some((f) => f.name === ONTOLOGY_PAGE);
  const jsonldDump = release.dumps.files.find((f) => f.name === 'iscm.jsonld')!;
  return {
    release,
    labels: collectLabels(release, readFileSync(join(root, 'ontology', 'iscm.ttl'), 'utf8')),
    context: (JSON.parse(jsonldDump.content.toString('utf8')) as { '@context': Record<string, unknown> })['@context'],
    prefixes: prefixes(release.iris),
    examples: readExamples(join(root, 'ontology', 'queries')),
    endpoint,
    localPath: (iri) => {
      if (iri.startsWith(idBase) && iri.length > idBase.length) return `/id/${iri.slice(idBase.length)}`;
      if (ontologyPage && iri.startsWith(termBase) && iri.length > termBase.length) return `/download/${ONTOLOGY_PAGE}#${iri.slice(termBase.length)}`;
      return undefined;
    },
    iriOf: (path) => `${idBase}${path}`,
  };
}
