// One size of `make bench`, in a process of its own so that its peak memory is its own: the
// full pipeline on a corpus from a cold cache, stage by stage (time, triples/s, peak RSS); an
// incremental rebuild after one record changed; and, on the same data, the two baselines: the
// bare YAML parse of the sources and n3's N-Triples writer on the same triples.
//
//   npx tsx bench/measure.ts <corpus folder> <result.json>

import { closeSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Parser, Writer } from 'n3';
import { parse } from 'yaml';
import { build, defaultWorkers, type StageTimer } from '../pipeline/build.ts';
import { CACHE_DIR } from '../pipeline/cache/index.ts';
import { BuildError, formatDiagnostic } from '../pipeline/diagnostics.ts';
import { makeIris } from '../pipeline/iri.ts';
import { loadSources, MECHANISMS_DIR } from '../pipeline/load/index.ts';
import { publishStreams } from '../pipeline/publish/index.ts';
import { changedRecord } from './corpus.ts';
import type { SizeResult, Stage } from './results.ts';

/** Peak RSS since the last reset, in bytes (Linux: /proc/self/status VmHWM; clear_refs 5 resets it). */
function peakRss(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return kb ? Number(kb[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak then covers everything before too.
  }
}

/** Runs `work`, timing it and taking the peak RSS during it. */
async function measured<T>(work: () => T | Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
  resetPeakRss();
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start, peakRss: peakRss() };
}

/** A full build of `root` into `out`, stage by stage. */
async function fullBuild(root: string, out: string): Promise<{ stages: Stage[]; triples: number; built: number; steps: Record<string, number>; bytes: Record<string, number> }> {
  const stages: Stage[] = [];
  const timer: StageTimer = (stage, work) => {
    resetPeakRss();
    const start = performance.now();
    const done = () => stages.push({ name: stage, ms: performance.now() - start, peakRss: peakRss() });
    const result = work();
    if (result instanceof Promise) return result.finally(done) as typeof result;
    done();
    return result;
  };
  const loaded = timer('load', () => loadSources(root));
  try {
    const result = await build(loaded.sources, makeIris(), timer, { root, cacheDir: join(root, CACHE_DIR) }, [
      ...loaded.diagnostics.mechanisms,
      ...loaded.diagnostics.reference,
    ]);
    const written = await timer('publish', () => publishStreams(out, result.files, { gzip: result.gzip, describe: result.describe }));
    return {
      stages,
      triples: result.triples,
      built: result.records.built,
      steps: result.records.steps,
      bytes: Object.fromEntries([...written].map(([path, w]) => [path, w.bytes])),
    };
  } catch (e) {
    if (e instanceof BuildError) throw new Error(`the corpus does not build:\n${e.diagnostics.slice(0, 20).map(formatDiagnostic).join('\n')}`);
    throw e;
  }
}

/** The bare YAML parse of every mechanism file, read beforehand: the first baseline. */
function yamlBaseline(root: string): number {
  const dir = join(root, MECHANISMS_DIR);
  const texts = readdirSync(dir).map((n) => readFileSync(join(dir, n), 'utf8'));
  const start = performance.now();
  for (const t of texts) parse(t);
  return performance.now() - start;
}

/** n3's N-Triples writer on the dump's triples, read and parsed beforehand piece by piece: the second baseline. */
function n3Baseline(ntriples: string): number {
  const PIECE = 32 << 20;
  const fd = openSync(ntriples, 'r');
  const buffer = Buffer.alloc(PIECE);
  // A character may straddle two pieces; the decoder keeps its first bytes for the next.
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let ms = 0;
  try {
    for (let read; (read = readSync(fd, buffer, 0, PIECE, null)) > 0 || carry; ) {
      const text = carry + decoder.write(buffer.subarray(0, read));
      const end = read > 0 ? text.lastIndexOf('\n') + 1 : text.length;
      carry = text.slice(end);
      const quads = new Parser({ format: 'N-Triples' }).parse(text.slice(0, end));
      const start = performance.now();
      const writer = new Writer({ format: 'N-Triples' });
      writer.addQuads(quads);
      writer.end(() => {});
      ms += performance.now() - start;
      if (read === 0) break;
    }
  } finally {
    closeSync(fd);
  }
  return ms;
}

async function main(root: string, resultFile: string): Promise<void> {
  const out = join(root, 'output');
  rmSync(join(root, CACHE_DIR), { recursive: true, force: true });
  const full = await measured(() => fullBuild(root, out));
  const mechanisms = readdirSync(join(root, MECHANISMS_DIR)).length;

  // One record of all changes (a document's title), then the rebuild; the record is put back after.
  const changed = join(root, MECHANISMS_DIR, readdirSync(join(root, MECHANISMS_DIR)).sort()[Math.floor(mechanisms / 2)]);
  const original = readFileSync(changed, 'utf8');
  writeFileSync(changed, changedRecord(original));
  let incremental;
  try {
    incremental = await measured(() => fullBuild(root, out));
  } finally {
    writeFileSync(changed, original);
  }
  const yaml = await measured(() => yamlBaseline(root));
  const n3 = await measured(() => n3Baseline(join(out, 'iscm.nt')));

  const result: SizeResult = {
    mechanisms,
    triples: full.result.triples,
    workers: defaultWorkers(mechanisms),
    cores: availableParallelism(),
    full: { ms: full.ms, peakRss: full.peakRss, stages: full.result.stages, steps: full.result.steps, bytes: full.result.bytes },
    incremental: { ms: incremental.ms, peakRss: incremental.peakRss, built: incremental.result.built, stages: incremental.result.stages },
    baselines: { yaml: { ms: yaml.result, peakRss: yaml.peakRss }, n3: { ms: n3.result, peakRss: n3.peakRss } },
  };
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root, resultFile] = process.argv.slice(2);
  if (!root || !resultFile) {
    process.stderr.write('usage: npx tsx bench/measure.ts <corpus folder> <result.json>\n');
    process.exit(2);
  }
  await main(root, resultFile);
}
