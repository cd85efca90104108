// The release file (sources/release.yaml): its schema, its cross-checks and its relative IRIs
// resolved against the base. The dataset description takes every date and version from here,
// never from the clock, so a release builds byte-identical output wherever and whenever it runs.

import { error, type Diagnostic } from '../diagnostics.ts';
import type { SourceFileInfo } from '../load/index.ts';
import { locate, type YamlSource } from '../load/yaml.ts';
import { isRealDate } from './dates.ts';
import { checkAgainst } from './schema-check.ts';

export interface Texts {
  fr: string;
  en: string;
}

export interface ReusedDataset {
  id: string;
  file: string;
  title: Texts;
  description: Texts;
  licence: string;
  page: string;
}

export interface ReleaseRecord {
  version: string;
  issued: string;
  title: Texts;
  description: Texts;
  keywords: { fr: string[]; en: string[] };
  catalog: { title: Texts; description: Texts };
  publisher: { id: string; name: Texts };
  landing_page: string;
  downloads: string;
  sparql_endpoint: string;
  licence: string;
  attribution: Texts;
  licences: { iri: string; label: string }[];
  reused: ReusedDataset[];
  examples: string[];
}

/** The release with every relative IRI resolved against the base. */
export interface Release extends ReleaseRecord {
  landingPage: string;
  /** The IRI the files of output/ are published under, ending in "/". */
  downloadBase: string;
  sparqlEndpoint: string;
  exampleResources: string[];
  source: YamlSource;
}

const text = { type: 'string', minLength: 1 } as const;
const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;
const iri = { type: 'string', pattern: '^https?://[^\\s<>"{}|\\\\^`]+$', description: 'an absolute http(s) IRI' } as const;
const reference = { type: 'string', pattern: '^[^\\s<>"{}|\\\\^`:]*$', description: 'an IRI relative to the base, such as "./" or "sparql"' } as const;
const obj = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required: Object.keys(properties),
});
const texts = obj({ fr: text, en: text });
const words = { type: 'array', items: text, minItems: 1, uniqueItems: true } as const;

export const releaseSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://w3id.org/iscm/schemas/release.schema.json',
  title: 'iscm-lod release',
  ...obj({
    version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$', description: 'MAJOR.MINOR.PATCH' },
    issued: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' },
    title: texts,
    description: texts,
    keywords: obj({ fr: words, en: words }),
    catalog: obj({ title: texts, description: texts }),
    publisher: obj({ id: slug, name: texts }),
    landing_page: reference,
    downloads: { ...reference, pattern: '^[^\\s<>"{}|\\\\^`:]*/$', description: 'an IRI relative to the base, ending in "/"' },
    sparql_endpoint: reference,
    licence: iri,
    attribution: texts,
    licences: { type: 'array', minItems: 1, items: obj({ iri, label: text }) },
    reused: {
      type: 'array',
      items: obj({ id: slug, file: text, title: texts, description: texts, licence: iri, page: iri }),
    },
    examples: { type: 'array', minItems: 1, uniqueItems: true, items: reference },
  }),
};

export function readRelease(
  source: YamlSource,
  base: string,
  files: readonly SourceFileInfo[],
): { release?: Release; diagnostics: Diagnostic[] } {
  const schema = checkAgainst(releaseSchema, source);
  if (schema.length) return { diagnostics: schema };
  const r = source.value as ReleaseRecord;
  const out: Diagnostic[] = [];
  if (!isRealDate(r.issued)) out.push(error('impossible-date', `"${r.issued}" is not a date`, locate(source, ['issued'])));
  const licences = new Set(r.licences.map((l) => l.iri));
  const licensed = (iri: string, path: (string | number)[]) => {
    if (!licences.has(iri)) out.push(error('unknown-licence', `the licence <${iri}> is not listed under "licences"`, locate(source, path)));
  };
  licensed(r.licence, ['licence']);
  const read = new Set(files.map((f) => f.path));
  r.reused.forEach((u, i) => {
    licensed(u.licence, ['reused', i, 'licence']);
    if (!read.has(u.file)) out.push(error('missing-reference', `the build reads no file "${u.file}"`, locate(source, ['reused', i, 'file'])));
  });
  if (out.length) return { diagnostics: out };
  const resolve = (ref: string) => new URL(ref, base).href;
  return {
    release: {
      ...r,
      landingPage: resolve(r.landing_page),
      downloadBase: resolve(r.downloads),
      sparqlEndpoint: resolve(r.sparql_endpoint),
      exampleResources: r.examples.map(resolve),
      source,
    },
    diagnostics: [],
  };
}

/** Example resources must be described in the data, or a catalogue would point to nothing. */
export function checkExamples(release: Release, subjects: ReadonlySet<string>): Diagnostic[] {
  return release.exampleResources.flatMap((iri, i) =>
    subjects.has(iri) ? [] : [error('missing-reference', `the example <${iri}> is not a resource of the data`, locate(release.source, ['examples', i]))],
  );
}
