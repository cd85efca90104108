// Runs pipeline/records over many records, on worker threads across the machine's cores or on
// the calling thread. Which thread builds a record changes nothing in its entry (a pure
// function of the record and the sources), so the output is the same either way;
// tests/parallel.test.ts checks it byte for byte.

import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { RecordCache } from '../cache/index.ts';
import type { RawSource, SourceFileInfo } from '../load/index.ts';
import type { RecordContext } from '../records/context.ts';
import { readLayout, type EntryLayout } from '../records/entry.ts';
import { buildRecord, stepTimer, type StepTimes } from '../records/index.ts';

export interface WorkerSetup {
  root: string;
  base: string;
  cacheDir: string;
  /** referenceDigest of the sources the main thread read. */
  referenceDigest: string;
}

export interface Job {
  id: number;
  file: string;
  bytes: Uint8Array;
  sha256: string;
  /** Where the entry goes in the cache. */
  key: string;
}

export type Reply = { id: number; layout: EntryLayout; steps: StepTimes } | { id: number; error: string };

/** Records a worker is given before it has answered, so that it never waits for the next one. */
const IN_FLIGHT = 2;

export function referenceDigest(files: readonly SourceFileInfo[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.path}\t${f.sha256}\n`);
  return h.digest('hex');
}

export interface PoolOptions {
  /** Worker threads to start; 0 builds every record on this thread, with `context`. */
  workers: number;
  setup: WorkerSetup;
  context: RecordContext;
  cache: RecordCache;
  /** Receives the time spent in each step of the records' work, summed over records and threads. */
  steps: StepTimes;
}

/** Builds each job's record into the cache, calling `done` with where its summary and sections lie as each finishes. */
export async function runRecords(jobs: readonly Job[], opts: PoolOptions, done: (job: Job, layout: EntryLayout) => void): Promise<void> {
  if (opts.workers === 0 || jobs.length === 0) {
    for (const job of jobs) {
      const entry = await buildRecord(opts.context, { file: job.file, bytes: job.bytes, sha256: job.sha256 } satisfies RawSource, stepTimer(opts.steps));
      opts.cache.write(job.key, entry);
      done(job, readLayout(entry, job.file)!);
    }
    return;
  }
  const workers = Array.from(
    { length: Math.min(opts.workers, jobs.length) },
    () => new Worker(new URL('./worker.mjs', import.meta.url), { workerData: opts.setup }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let finished = 0;
      const byId = new Map(jobs.map((j) => [j.id, j]));
      const feed = (w: Worker) => {
        if (next < jobs.length) w.postMessage(jobs[next++]);
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('exit', (code) => code !== 0 && finished < jobs.length && reject(new Error(`a record worker stopped with exit code ${code}`)));
        w.on('message', (m: 'ready' | Reply) => {
          if (m === 'ready') {
            for (let i = 0; i < IN_FLIGHT; i++) feed(w);
            return;
          }
          if ('error' in m) return reject(new Error(`${byId.get(m.id)!.file}: ${m.error}`));
          for (const [step, ms] of Object.entries(m.steps)) opts.steps[step] = (opts.steps[step] ?? 0) + ms;
          done(byId.get(m.id)!, m.layout);
          if (++finished === jobs.length) resolve();
          else feed(w);
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
