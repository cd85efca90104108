// A record worker thread: builds the RecordContext from the project's sources once, then runs
// pipeline/records on each record it is sent, stores the entry in the cache and answers with
// the entry's summary. The fragments stay on disk; only summaries travel back.

import { parentPort, workerData } from 'node:worker_threads';
import { RecordCache } from '../cache/index.ts';
import { makeIris } from '../iri.ts';
import { loadReference, type RawSource } from '../load/index.ts';
import { recordContext } from '../records/context.ts';
import { readLayout } from '../records/entry.ts';
import { buildRecord, stepTimer, type StepTimes } from '../records/index.ts';
import { referenceDigest, type Job, type Reply, type WorkerSetup } from './pool.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const { reference } = loadReference(setup.root);
// The main thread read the sources first; a worker that reads other bytes would build other data.
if (referenceDigest(reference.files) !== setup.referenceDigest) throw new Error('the sources changed while the build was running');
const ctx = recordContext(reference, makeIris(setup.base));
const cache = new RecordCache(setup.cacheDir);

port.on('message', async (job: Job) => {
  try {
    const raw: RawSource = { file: job.file, bytes: job.bytes, sha256: job.sha256 };
    const steps: StepTimes = {};
    const entry = await buildRecord(ctx, raw, stepTimer(steps));
    cache.write(job.key, entry);
    port.postMessage({ id: job.id, layout: readLayout(entry, job.file)!, steps } satisfies Reply);
  } catch (e) {
    port.postMessage({ id: job.id, error: (e as Error).stack ?? String(e) } satisfies Reply);
  }
});
port.postMessage('ready');
