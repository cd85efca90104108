// The pipeline from loaded sources to the files of output/: validate, reconcile, map,
// serialize and check. Pure: it reads nothing and writes nothing; publish does that.

import { dirname, relative } from 'node:path/posix';
import { BuildError, error, hasErrors, sortDiagnostics } from './diagnostics.ts';
import { check, parseShapes } from './check/index.ts';
import { ontologyHtml } from './docs/ontology-html.ts';
import type { Iris } from './iri.ts';
import type { LoadedProject } from './load/index.ts';
import { map } from './map/index.ts';
import { reconcile } from './reconcile/index.ts';
import { sha256sums, type FileContent } from './serialize/checksums.ts';
import { describedTurtle, describeRelease } from './serialize/dataset.ts';
import { gzip } from './serialize/gzip.ts';
import { toJsonLd } from './serialize/jsonld.ts';
import { toNQuads } from './serialize/nquads.ts';
import { toNTriples } from './serialize/ntriples.ts';
import { ontologyTriples } from './serialize/ontology.ts';
import { canonicalTriples } from './serialize/order.ts';
import { toRdfXml } from './serialize/rdfxml.ts';
import { reconciliationJson, reconciliationMarkdown, reconciliationRows } from './serialize/reconciliation-report.ts';
import { toTurtle } from './serialize/turtle.ts';
import { validate } from './validate/index.ts';
import { checkExamples, readRelease } from './validate/release.ts';
import { PIPELINE_VERSION } from './version.ts';

export interface BuildResult {
  /** Paths relative to output/, with their contents. */
  files: Map<string, FileContent>;
  triples: number;
}

export type StageTimer = <T>(stage: string, work: () => T) => T;
const untimed: StageTimer = (_stage, work) => work();

/** The data dumps; each also gets a gzip copy, and dataset.ttl describes them all. */
const DUMPS = ['iscm.ttl', 'iscm.nt', 'iscm.nq', 'iscm.jsonld', 'iscm.rdf'];
const ONTOLOGY_FILES = ['ontology/iscm.ttl', 'ontology/iscm.rdf', 'ontology/iscm.jsonld'];
const ONTOLOGY_PAGE = 'ontology/index.html';

export async function build(loaded: LoadedProject, iris: Iris, time: StageTimer = untimed): Promise<BuildResult> {
  const valid = time('validate', () => validate(loaded));
  const { release, diagnostics: releaseDiagnostics } = loaded.release
    ? readRelease(loaded.release, iris.base, loaded.files)
    : { release: undefined, diagnostics: [error('missing-file', 'there is no release file', { file: 'sources/release.yaml' })] };
  if (!valid.project || !release) throw new BuildError(sortDiagnostics([...valid.diagnostics, ...releaseDiagnostics]));
  const rec = time('reconcile', () => reconcile(valid.project!));
  if (!rec.reconciled) throw new BuildError(sortDiagnostics(rec.diagnostics));
  const mapped = time('map', () => map(rec.reconciled!, iris));
  if (hasErrors(mapped.diagnostics)) throw new BuildError(mapped.diagnostics);
  const triples = time('order', () => canonicalTriples(mapped.graphs.flatMap((g) => g.quads)));
  const examples = checkExamples(release, new Set(triples.map((q) => q.subject.value)));
  if (examples.length) throw new BuildError(examples);

  const violations = await time('check', () => check(triples, mapped.graphs, parseShapes(loaded.ontology.shapes)));
  if (violations.length) throw new BuildError(violations);

  const context = JSON.parse(loaded.ontology.context)['@context'];
  const rows = reconciliationRows(rec.reconciled, iris);
  const files = new Map<string, FileContent>();
  files.set('iscm.nt', time('n-triples', () => toNTriples(triples)));
  files.set('iscm.ttl', await time('turtle', () => toTurtle(triples, iris)));
  files.set('iscm.jsonld', await time('json-ld', () => toJsonLd(triples, context)));
  files.set('iscm.rdf', time('rdf/xml', () => toRdfXml(triples)));
  files.set('iscm.nq', time('n-quads', () => toNQuads(mapped.graphs, iris)));
  time('gzip', () => DUMPS.forEach((path) => files.set(`${path}.gz`, gzip(files.get(path)!))));
  files.set('reports/reconciliation.json', reconciliationJson(rows));
  files.set('reports/reconciliation.md', reconciliationMarkdown(rows));

  const ontology = time('ontology', () => ontologyTriples(loaded.ontology.iscm, iris));
  files.set('ontology/iscm.ttl', await toTurtle(ontology, iris));
  files.set('ontology/iscm.rdf', toRdfXml(ontology, iris));
  files.set('ontology/iscm.jsonld', await toJsonLd(ontology, context));
  const downloads = ONTOLOGY_FILES.map((path) => relative(dirname(ONTOLOGY_PAGE), path));
  files.set(ONTOLOGY_PAGE, time('documentation', () => ontologyHtml({ ontology, data: triples, iris, downloads })));

  // Last, since it describes (and hashes) every file above; SHA256SUMS then covers it too.
  const description = time('dataset description', () =>
    describeRelease({
      release,
      iris,
      data: triples,
      ontology,
      files,
      dumps: [...DUMPS, ...DUMPS.map((path) => `${path}.gz`)],
      ontologyFiles: ONTOLOGY_FILES,
      ontologyPage: ONTOLOGY_PAGE,
      inputs: loaded.files,
      pipelineVersion: PIPELINE_VERSION,
    }),
  );
  const metadata = canonicalTriples(description.quads);
  const metadataViolations = await time('check metadata', () => check(metadata, [description], parseShapes(loaded.ontology.shapesMetadata)));
  if (metadataViolations.length) throw new BuildError(metadataViolations);
  files.set('dataset.ttl', await describedTurtle(metadata, iris));
  files.set('SHA256SUMS', sha256sums(files));
  return { files, triples: triples.length };
}
