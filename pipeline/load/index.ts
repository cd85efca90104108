// Stage 1, load: the only module that reads the file system before publish. It returns
// every source as text with positions, so that later stages are pure functions of it.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.ts';
import { MAX_TABLE_CELLS, offsetBeyondCellBudget, parseCsv, parseTsv, type Row } from './delimited.ts';
import { decodeSource, lineColumn, readSource } from './text.ts';
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
  /**
   * Files published as they are, by their path under output/: the benchmark report
   * (bench/report/, made by `make bench`), when there is one. Not inputs of the data.
   */
  copies: Map<string, Uint8Array>;
}

/** Files of the project copied into output/ unchanged, when they exist: path in the project, path in output/. */
const COPIES: [from: string, to: string][] = [
  ['bench/report/bench.md', 'reports/bench.md'],
  ['bench/report/bench.svg', 'reports/bench.svg'],
];

/** A source file as read, before decoding: what the build hashes, caches and hands to a worker. */
export interface RawSource {
  file: string;
  bytes: Uint8Array;
  sha256: string;
}

/** Everything but the mechanism records, which the build parses one by one (pipeline/records). */
export type LoadedReference = Omit<LoadedProject, 'mechanisms'>;

export const MECHANISMS_DIR = 'sources/mechanisms';

export function load(root: string): { project?: LoadedProject; diagnostics: Diagnostic[] } {
  const { sources, diagnostics } = loadSources(root);
  const parsed = sources.mechanisms.map(parseSource);
  const mechanisms = parsed.flatMap((p) => (p.source ? [p.source] : []));
  return {
    project: { ...sources.reference, mechanisms, files: sourceFiles(sources) },
    diagnostics: [...diagnostics.mechanisms, ...parsed.flatMap((p) => p.diagnostics), ...diagnostics.reference],
  };
}

/** What the build reads: the mechanism records as bytes (parsed one by one, pipeline/records), everything else parsed. */
export interface LoadedSources {
  reference: LoadedReference;
  mechanisms: RawSource[];
}

export function loadSources(root: string): { sources: LoadedSources; diagnostics: { mechanisms: Diagnostic[]; reference: Diagnostic[] } } {
  const read = readMechanisms(root);
  const reference = loadReference(root);
  return { sources: { reference: reference.reference, mechanisms: read.files }, diagnostics: { mechanisms: read.diagnostics, reference: reference.diagnostics } };
}

/** Every file read, mechanisms included, for provenance: path, hash and size, in code-point order of the path. */
export function sourceFiles(sources: LoadedSources): SourceFileInfo[] {
  return [...sources.mechanisms.map(fileInfo), ...sources.reference.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The mechanism records as bytes, in code-point order of their file names. */
export function readMechanisms(root: string): { files: RawSource[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files = listFiles(join(root, MECHANISMS_DIR), /\.ya?ml$/i).flatMap((path) => {
    const file = relative(root, path).split(sep).join('/');
    const read = readSource(path, file);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      return [];
    }
    return [{ file, bytes: read.bytes, sha256: createHash('sha256').update(read.bytes).digest('hex') }];
  });
  return { files, diagnostics };
}

export function fileInfo(raw: RawSource): SourceFileInfo {
  return { path: raw.file, sha256: raw.sha256, bytes: raw.bytes.length };
}

/** Decodes and parses one YAML source read by readMechanisms. Pure, so that a worker thread can run it. */
export function parseSource(raw: RawSource): { source?: YamlSource; diagnostics: Diagnostic[] } {
  const decoded = decodeSource(raw.file, raw.bytes);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  return parseYaml(raw.file, decoded.text);
}

/** Reads and parses every source but the mechanism records. */
export function loadReference(root: string): { reference: LoadedReference; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFileInfo[] = [];
  const readText = (path: string): string | undefined => {
    const rel = relative(root, path).split(sep).join('/');
    const read = readSource(path, rel);
    if ('diagnostic' in read) {
      diagnostics.push(read.diagnostic);
      return undefined;
    }
    const bytes = read.bytes;
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
  const yamlFiles = (dir: string): YamlSource[] => listFiles(join(root, dir), /\.ya?ml$/i).flatMap((path) => yamlFile(path) ?? []);

  const table = (path: string, parse: (t: string) => Row[]): Table => {
    const text = readText(join(root, path)) ?? '';
    const over = offsetBeyondCellBudget(text);
    if (over === undefined) return { file: path, rows: parse(text) };
    diagnostics.push(error('too-complex', `the table has more than ${MAX_TABLE_CELLS} cells`, { file: path, ...lineColumn(text, over) }));
    return { file: path, rows: [] };
  };

  const reference: LoadedReference = {
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
    copies: new Map(),
  };
  for (const [from, to] of COPIES) {
    const read = readSource(join(root, from), from);
    if ('bytes' in read) reference.copies.set(to, read.bytes);
    else if (existsSync(join(root, from))) diagnostics.push(read.diagnostic);
  }
  reference.files = files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { reference, diagnostics };
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
    .filter((n) => pattern.test(n) && !isFolder(join(dir, n)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n));
}

// Anything else that matches is read, so that a dangling link or a pipe gets a diagnostic
// from readSource instead of being skipped or crashing the listing.
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
