// The pipeline from loaded sources to the files of output/. Each mechanism record goes through
// pipeline/records (parse, validate, reconcile, map, SHACL, its share of every dump) on worker
// threads, or comes from the content-hash cache when nothing it depends on changed; then this
// thread does what spans records: checks across them, the shared agents and vocabularies, and
// the order in which the dumps are assembled. The files come back as streams that publish
// writes (docs/performance.md). Apart from its cache of records, the build reads and writes
// nothing.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dirname, relative } from 'node:path/posix';
import { Parser, type Quad } from 'n3';
import { Assembly, CachedRecord, concatenated, inMemory, jsonConcatenated } from './assemble/index.ts';
import { cacheKey, cacheSalt, RecordCache } from './cache/index.ts';
import { check, checkPart, parseShapes } from './check/index.ts';
import { BuildError, error, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { EXAMPLES, exampleTriples, ontologyHtml } from './docs/ontology-html.ts';
import type { Iris } from './iri.ts';
import { parseSource, sourceFiles, type LoadedSources } from './load/index.ts';
import type { RecordGraph } from './map/graph.ts';
import { mapShared } from './map/index.ts';
import { RDF } from './map/vocab.ts';
import { runRecords, referenceDigest, type Job } from './parallel/pool.ts';
import type { Content } from './publish/index.ts';
import { recordContext, type RecordContext } from './records/context.ts';
import type { StepTimes } from './records/index.ts';
import type { EntryLayout, RecordSummary, Stage } from './records/entry.ts';
import { subjectPieces } from './records/fragments.ts';
import type { Target } from './reconcile/index.ts';
import { digestOf, sha256sums, type Digest } from './serialize/checksums.ts';
import { describedTurtle, describeRelease } from './serialize/dataset.ts';
import { jsonLdDocument, toJsonLd } from './serialize/jsonld.ts';
import { graphNQuads } from './serialize/nquads.ts';
import { ontologyTriples } from './serialize/ontology.ts';
import { canonicalLines, canonicalTriples, cmp } from './serialize/order.ts';
import { toRdfXml } from './serialize/rdfxml.ts';
import { reconciliationJsonDocument, reconciliationMarkdownHead, type MethodCounts } from './serialize/reconciliation-report.ts';
import { toTurtle, turtleHeader } from './serialize/turtle.ts';
import { addStatistics, emptyStatistics, statisticsOf, type DataStatistics } from './serialize/void.ts';
import { checkAcrossMechanisms } from './validate/index.ts';
import type { Lang } from './validate/types.ts';
import { checkExamples, readRelease } from './validate/release.ts';
import { PIPELINE_VERSION } from './version.ts';

export interface BuildResult {
  /** Paths relative to output/, with their contents; large files as streams of chunks. */
  files: Map<string, Content>;
  /** Files of `files` that also get a gzip copy ({path}.gz). */
  gzip: Set<string>;
  /** The files that describe the others (dataset.ttl, SHA256SUMS), from the others' sizes and checksums. */
  describe(written: ReadonlyMap<string, Digest>): Promise<Map<string, Content>>;
  triples: number;
  /** How many records there were, how many were built rather than taken from the cache, and the time their steps took (summed over threads). */
  records: { total: number; built: number; steps: StepTimes };
}

export interface BuildOptions {
  /** The project root, which worker threads load the sources from. */
  root: string;
  /** Where records are cached (pipeline/cache). */
  cacheDir: string;
  /** Worker threads for the records; 0 builds them all on this thread. Default: see defaultWorkers. */
  workers?: number;
}

export type StageTimer = <T>(stage: string, work: () => T) => T;
const untimed: StageTimer = (_stage, work) => work();

/** The data dumps; each also gets a gzip copy, and dataset.ttl describes them all. */
const DUMPS = ['iscm.ttl', 'iscm.nt', 'iscm.nq', 'iscm.jsonld', 'iscm.rdf'];
const ONTOLOGY_FILES = ['ontology/iscm.ttl', 'ontology/iscm.rdf', 'ontology/iscm.jsonld'];
const ONTOLOGY_PAGE = 'ontology/index.html';

/**
 * A worker thread takes a few seconds to start (loading the code and the reference data), while
 * this thread builds records meanwhile; below this many records to build it is not worth it.
 */
const RECORDS_FOR_WORKERS = 64;

/** Worker threads for `records` records to build: one per core besides this thread's. */
export function defaultWorkers(records: number): number {
  return records < RECORDS_FOR_WORKERS ? 0 : availableParallelism() - 1;
}

export async function build(
  sources: LoadedSources,
  iris: Iris,
  time: StageTimer = untimed,
  options: BuildOptions,
  loadDiagnostics: Diagnostic[] = [],
): Promise<BuildResult> {
  const { reference } = sources;
  // A source that cannot be read stops the build, with whatever the mechanisms' own parsing finds.
  if (loadDiagnostics.length) throw new BuildError([...loadDiagnostics, ...sources.mechanisms.flatMap((m) => parseSource(m).diagnostics)]);
  const ctx = time('reference', () => recordContext(reference, iris));
  const files = sourceFiles(sources);
  const { release, diagnostics: releaseDiagnostics } = reference.release
    ? readRelease(reference.release, iris.base, files)
    : { release: undefined, diagnostics: [error('missing-file', 'there is no release file', { file: 'sources/release.yaml' })] };

  const cache = new RecordCache(options.cacheDir);
  const salt = cacheSalt(reference.files, iris.base);
  // What spans records is gathered as each record comes, so that summaries stay small: the
  // agents their names resolve to, and the sums of their statistics.
  const targets = new Map<string, Target>();
  const statistics = emptyStatistics();
  const distinct = { objects: new Set<string>(), pages: new Set<string>() };
  const gather = (s: RecordSummary) => {
    if (s.failed) return;
    for (const t of s.targets) targets.set(`${t.kind}/${t.id}`, t);
    addStatistics(statistics, s.statistics!, distinct);
    s.targets = [];
    delete s.statistics;
  };
  const records = await recordsOf(sources, ctx, cache, salt, options, time, gather);
  const summaries = records.layouts.map((l) => l.summary);

  const byStage: Record<Stage, Diagnostic[]> = { load: [], validate: [...ctx.diagnostics.validate, ...releaseDiagnostics], reconcile: [...ctx.diagnostics.reconcile], map: [], check: [] };
  for (const s of summaries) if (s.failed) byStage[s.failed.stage].push(...s.failed.diagnostics);
  byStage.validate.push(...checkAcrossMechanisms(summaries.flatMap((s) => (s.ref ? [s.ref] : []))));
  const fail = (stage: Stage) => {
    if (byStage[stage].length) throw new BuildError(sortDiagnostics(byStage[stage]));
  };
  fail('load');
  fail('validate');
  fail('reconcile');

  // The agents of names listed as unresolved, described as the last record in file order names them.
  const unresolved = new Map<string, { name: string; lang: Lang; reason: string }>();
  for (const s of summaries) for (const [id, name, lang, reason] of s.unresolved) unresolved.set(id, { name, lang, reason });
  const { countries, organizations, places } = ctx.resolver!;
  const shared = time('shared', () => mapShared({ project: { ...ctx.reference!, mechanisms: [] }, countries, organizations, places, unresolved }, targets.values(), iris));
  byStage.map.push(...shared.diagnostics);
  fail('map');
  const sharedTriples = canonicalLines(shared.graphs.flatMap((g) => g.quads));
  const sharedSubjects = subjectPieces(sharedTriples, ctx);
  const recordParts = records.layouts.map((layout, i) => new CachedRecord(cache, records.keys[i], layout));
  const assembly = time('plan', () => new Assembly([...recordParts, ...inMemory(sharedSubjects.subjects, sharedSubjects.pieces, 'the shared agents and vocabularies')]));
  if (release) {
    const examples = checkExamples(release, new Set(release.exampleResources.filter((iri) => assembly.has(iri))));
    if (examples.length) throw new BuildError(examples);
  }

  // The shared graph is checked once per build, and not at all when the same graph passed before.
  const sharedGraph = { key: 'shared', quads: sharedTriples.map((t) => t.q), origins: new Map(shared.graphs.flatMap((g) => [...g.origins])) };
  const sharedKey = createHash('sha256').update(`${salt}\n`).update(sharedTriples.map((t) => t.line).join('\n')).digest('hex');
  if (cache.passed(sharedKey)) cache.touchPassed(sharedKey);
  else {
    byStage.check.push(...(await time('check shared', () => checkPart(sharedGraph, new Set(sharedSubjects.subjects), ctx.around, ctx.shapes))));
    fail('check');
    cache.pass(sharedKey);
  }
  fail('check');
  cache.prune(new Set([...records.keys, sharedKey]));
  addStatistics(statistics, statisticsOf(sharedGraph.quads, iris), distinct);
  statistics.objects = [...distinct.objects];
  statistics.pages = [...distinct.pages];

  const context = JSON.parse(reference.ontology.context)['@context'];
  const out = dumps(assembly, recordParts, shared.graphs, ctx, context);
  for (const [path, bytes] of reference.copies) out.set(path, bytes);

  const ontology = time('ontology', () => ontologyTriples(reference.ontology.iscm, iris));
  out.set('ontology/iscm.ttl', toTurtle(ontology, iris));
  out.set('ontology/iscm.rdf', toRdfXml(ontology, iris));
  out.set('ontology/iscm.jsonld', toJsonLd(ontology, context));
  const downloads = ONTOLOGY_FILES.map((path) => relative(dirname(ONTOLOGY_PAGE), path));
  const data = examplesOf(assembly, statistics, sharedGraph.quads);
  out.set(ONTOLOGY_PAGE, time('documentation', () => ontologyHtml({ ontology, data, iris, downloads })));

  return {
    files: out,
    gzip: new Set(DUMPS),
    triples: statistics.triples,
    records: { total: summaries.length, built: records.built, steps: records.steps },
    // Last, since it describes (and hashes) every file above; SHA256SUMS then covers it too.
    async describe(written) {
      const description = describeRelease({
        release: release!,
        iris,
        statistics,
        ontology,
        files: written,
        dumps: [...DUMPS, ...DUMPS.map((path) => `${path}.gz`)],
        ontologyFiles: ONTOLOGY_FILES,
        ontologyPage: ONTOLOGY_PAGE,
        inputs: files,
        pipelineVersion: PIPELINE_VERSION,
      });
      const metadata = canonicalTriples(description.quads);
      const violations = await check(metadata, [description], parseShapes(reference.ontology.shapesMetadata));
      if (violations.length) throw new BuildError(violations);
      const dataset = await describedTurtle(metadata, iris);
      return new Map<string, Content>([
        ['dataset.ttl', dataset],
        ['SHA256SUMS', sha256sums(new Map([...written, ['dataset.ttl', digestOf(dataset)]]))],
      ]);
    },
  };
}

/** Every record's entry, from the cache or built now (on worker threads when there are many). */
async function recordsOf(
  sources: LoadedSources,
  ctx: RecordContext,
  cache: RecordCache,
  salt: string,
  options: BuildOptions,
  time: StageTimer,
  gather: (s: RecordSummary) => void,
) {
  const keys = sources.mechanisms.map((raw) => cacheKey(salt, raw));
  const layouts: EntryLayout[] = [];
  const jobs: Job[] = [];
  const steps: StepTimes = {};
  time('cache', () =>
    sources.mechanisms.forEach((raw, id) => {
      if (cache.has(keys[id])) {
        cache.touch(keys[id]);
        layouts[id] = cache.layout(keys[id]);
        gather(layouts[id].summary);
      } else jobs.push({ id, file: raw.file, bytes: raw.bytes, sha256: raw.sha256, key: keys[id] });
    }),
  );
  await time('records', () =>
    runRecords(
      jobs,
      {
        workers: options.workers ?? defaultWorkers(jobs.length),
        setup: { root: options.root, base: ctx.iris.base, cacheDir: cache.dir, referenceDigest: referenceDigest(sources.reference.files) },
        context: ctx,
        cache,
        steps,
      },
      (job, layout) => {
        layouts[job.id] = layout;
        gather(layout.summary);
      },
    ),
  );
  return { keys, layouts, built: jobs.length, steps };
}

/** The dumps and the reconciliation report, as streams assembled from the records' entries and the shared graphs. */
function dumps(assembly: Assembly, records: readonly CachedRecord[], shared: readonly RecordGraph[], ctx: RecordContext, context: Record<string, unknown>): Map<string, Content> {
  const { iris } = ctx;
  const out = new Map<string, Content>();
  out.set('iscm.nt', assembly.dump('nt'));
  out.set('iscm.ttl', assembly.dump('ttl', turtleHeader(iris)));
  out.set('iscm.jsonld', assembly.jsonDump('jsonld', jsonLdDocument(context)));
  out.set('iscm.rdf', assembly.dump('rdf', ctx.rdfxml.header(), ctx.rdfxml.footer()));
  // N-Quads: one graph per record and per shared graph, in key order.
  const graphs = [
    ...records.map((r) => ({ key: r.key, nq: () => r.nquads() })),
    ...shared.map((g) => ({ key: g.key, nq: () => graphNQuads(g.key, canonicalLines(g.quads).map((t) => t.line), iris) })),
  ].sort((a, b) => cmp(a.key, b.key));
  out.set('iscm.nq', concatenated(graphs.map((g) => g.nq)));
  // The report: records in the order of their ids, the counts of all before them.
  const byId = [...records].sort((a, b) => cmp(a.key, b.key));
  const counts: MethodCounts = { exact: 0, alias: 0, unresolved: 0 };
  for (const r of records) for (const m of ['exact', 'alias', 'unresolved'] as const) counts[m] += r.counts[m];
  const names = counts.exact + counts.alias + counts.unresolved;
  out.set('reports/reconciliation.json', jsonConcatenated(byId.map((r) => () => r.whole('reconciliation.json')), reconciliationJsonDocument(counts), names === 0));
  out.set('reports/reconciliation.md', concatenated(byId.map((r) => () => r.whole('reconciliation.md')), reconciliationMarkdownHead(counts), '\n'));
  return out;
}

/**
 * The data the ontology's page needs (docs/ontology-html.ts exampleTriples), gathered from the
 * parts in canonical order, reading records' examples only until every class and property has
 * its first examples.
 */
function examplesOf(assembly: Assembly, statistics: DataStatistics, sharedTriples: readonly Quad[]): Quad[] {
  const wanted = [
    ...Object.entries(statistics.instances).map(([c, n]) => [`class ${c}`, Math.min(EXAMPLES, n)] as const),
    ...Object.entries(statistics.properties).map(([p, n]) => [`property ${p}`, Math.min(EXAMPLES, n)] as const),
  ];
  const found = new Map<string, number>();
  const count = (q: Quad) => {
    if (q.predicate.value === RDF('type')) found.set(`class ${q.object.value}`, (found.get(`class ${q.object.value}`) ?? 0) + 1);
    found.set(`property ${q.predicate.value}`, (found.get(`property ${q.predicate.value}`) ?? 0) + 1);
  };
  sharedTriples.forEach(count);
  const quads: Quad[] = [...sharedTriples];
  for (const group of assembly.groups) {
    if (wanted.every(([k, n]) => (found.get(k) ?? 0) >= n)) break;
    for (const i of group) {
      const part = assembly.sources[i];
      if (!(part instanceof CachedRecord)) continue;
      for (const q of new Parser({ format: 'N-Triples' }).parse(Buffer.from(part.whole('examples')).toString('utf8'))) {
        quads.push(q);
        count(q);
      }
    }
  }
  return exampleTriples(canonicalTriples(quads));
}
