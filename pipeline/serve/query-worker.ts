// A query worker thread: loads the release into a store of its own once, then runs each query it
// is sent. oxigraph runs a query to the end without yielding, so only terminating this thread
// stops one (query-pool.ts does, at the time limit). An answer over the size limit is measured
// here and never copied back.

import { parentPort, workerData } from 'node:worker_threads';
import { QueryError, runQuery } from '../query/execute.ts';
import { openStore } from '../query/store.ts';
import type { Job, WorkerMessage, WorkerSetup } from './query-pool.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const release = openStore(setup, setup.graph);
const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (job: Job) => {
  try {
    const answer = runQuery(release, job.text, () => job.mediaType, job.dataset);
    const bytes = Buffer.byteLength(answer.body);
    post(bytes > setup.maxResultBytes ? { id: job.id, tooLarge: bytes } : { id: job.id, answer });
  } catch (e) {
    // A bug fails this query (500) without costing the worker's restart.
    if (!(e instanceof QueryError)) return post({ id: job.id, failed: (e as Error).stack ?? String(e) });
    post({ id: job.id, error: { code: e.code, message: e.message, line: e.line, column: e.column } });
  }
});
post({ ready: true });
