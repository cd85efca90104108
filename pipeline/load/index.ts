// Stage 1, load: the only module that reads the file system before publish. It returns
// every source as text with positions, so that later stages are pure functions of it.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.ts';
import { parseCsv, parseTsv, type Row } from './delimited.ts';
import { decodeSource } from './text.ts';
import { parseYaml, type YamlSource } from './yaml.ts';

export interface Table {
  file: string;
  rows: Row[];
}

export interface SourceFileInfo {
  path: string;
  sha256: string;
  bytes: number;
}

export interface LoadedProject {
  mechanisms: YamlSource[];
  organizations: YamlSource[];
  places: YamlSource[];
  aliases: YamlSource[];
  vocabularies: YamlSource[];
  countries: Table;
  corrections: Table;
  /** sources/release.yaml: the version, dates, publisher and licences of the release. */
  release?: YamlSource;
  ontology: { iscm: string; shapes: string; shapesMetadata: string; context: string };
  /** Every file read, for provenance: path relative to the project root, hash and size. */
  files: SourceFileInfo[];
}

export function load(root: string): { project?: LoadedProject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFileInfo[] = [];

  const readText = (path: string): string | undefined => {
    const rel = relative(root, path).split(sep).join('/');
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      diagnostics.push(error('unreadable-file', (e as Error).message, { file: rel, line: 1, column: 1 }));
      return undefined;
    }
    files.push({ path: rel, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    const decoded = decodeSource(rel, bytes);
    if ('diagnostic' in decoded) {
      diagnostics.push(decoded.diagnostic);
      return undefined;
    }
    return decoded.text;
  };

  const yamlFile = (path: string): YamlSource | undefined => {
    const text = readText(path);
    if (text === undefined) return undefined;
    const parsed = parseYaml(relative(root, path).split(sep).join('/'), text);
    diagnostics.push(...parsed.diagnostics);
    return parsed.source;
  };
  const yamlFiles = (dir: string): YamlSource[] => listFiles(join(root, dir), /\.ya?ml$/).flatMap((path) => yamlFile(path) ?? []);

  const table = (path: string, parse: (t: string) => Row[]): Table => ({
    file: path,
    rows: parse(readText(join(root, path)) ?? ''),
  });

  const project: LoadedProject = {
    mechanisms: yamlFiles('sources/mechanisms'),
    organizations: yamlFiles('sources/reference/organizations'),
    places: yamlFiles('sources/reference/places'),
    aliases: yamlFiles('sources/reference/aliases'),
    vocabularies: yamlFiles('sources/vocabularies'),
    countries: table('sources/reference/countries.csv', parseCsv),
    corrections: table('sources/reference/country-corrections.tsv', parseTsv),
    release: yamlFile(join(root, 'sources/release.yaml')),
    ontology: {
      iscm: readText(join(root, 'ontology/iscm.ttl')) ?? '',
      shapes: readText(join(root, 'ontology/shapes.ttl')) ?? '',
      shapesMetadata: readText(join(root, 'ontology/shapes-metadata.ttl')) ?? '',
      context: readText(join(root, 'ontology/context.jsonld')) ?? '',
    },
    files: [],
  };
  project.files = files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { project, diagnostics };
}

/** Files of a folder matching `pattern`, in code-point order so that builds never depend on the locale. */
function listFiles(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => pattern.test(n) && statSync(join(dir, n)).isFile())
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
}
