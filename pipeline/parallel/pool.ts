// Runs pipeline/records over many records on several threads: this one and `workers` worker
// threads, all taking records from one queue. This thread starts at once, while the workers
// load the reference data, so that starting them never makes a build slower. Which thread
// builds a record changes nothing in its entry (a pure function of the record and the
// sources), so the output is the same however the work is shared; tests/parallel.test.ts
// checks it byte for byte.

import { createHash } from 'node:crypto';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
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
  /** Worker threads to start besides this one; 0 builds every record here. */
  workers: number;
  setup: WorkerSetup;
  /** This thread's context (workers build their own). */
  context: RecordContext;
  cache: RecordCache;
  /** Receives the time spent in each step of the records' work, summed over records and threads. */
  steps: StepTimes;
}

/** Builds each job's record into the cache, calling `done` with where its summary and sections lie as each finishes. */
export async function runRecords(jobs: readonly Job[], opts: PoolOptions, done: (job: Job, layout: EntryLayout) => void): Promise<void> {
  let next = 0;
  let finished = 0;
  let failure: Error | undefined;
  let allDone: () => void = () => {};
  const settled = new Promise<void>((resolve) => (allDone = resolve));
  const finish = (job: Job, layout: EntryLayout) => {
    done(job, layout);
    if (++finished === jobs.length) allDone();
  };
  const fail = (e: Error) => {
    failure ??= e;
    allDone();
  };
  const add = (steps: StepTimes) => {
    for (const [step, ms] of Object.entries(steps)) opts.steps[step] = (opts.steps[step] ?? 0) + ms;
  };

  const workers = Array.from({ length: jobs.length ? opts.workers : 0 }, () => {
    const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: opts.setup });
    const byId = new Map<number, Job>();
    const feed = () => {
      if (next < jobs.length && !failure) {
        const job = jobs[next++];
        byId.set(job.id, job);
        w.postMessage(job);
      }
    };
    w.on('error', fail);
    w.on('exit', (code) => byId.size && fail(new Error(`a record worker stopped with exit code ${code}, ${byId.size} records unfinished`)));
    w.on('message', (m: 'ready' | Reply) => {
      if (m === 'ready') {
        for (let i = 0; i < IN_FLIGHT; i++) feed();
        return;
      }
      const job = byId.get(m.id)!;
      byId.delete(m.id);
      if ('error' in m) return fail(new Error(`${job.file}: ${m.error}`));
      add(m.steps);
      finish(job, m.layout);
      feed();
    });
    return w;
  });

  try {
    // This thread's share: whatever no worker has taken yet, one record at a time, letting the
    // workers' messages in between.
    while (next < jobs.length && !failure) {
      const job = jobs[next++];
      const steps: StepTimes = {};
      const entry = await buildRecord(opts.context, { file: job.file, bytes: job.bytes, sha256: job.sha256 } satisfies RawSource, stepTimer(steps));
      opts.cache.write(job.key, entry);
      add(steps);
      finish(job, readLayout(entry, job.file)!);
      await yieldToEvents();
    }
    if (jobs.length) await settled;
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
