// Runs the SPARQL endpoint's queries on worker threads. oxigraph evaluates a query to the end
// without yielding, so on the server's own thread one slow query would stall every client; on a
// worker it stalls nothing, and terminating the worker is the one way to stop it at the time
// limit. A terminated or crashed worker is replaced. Queries wait for a free worker in a bounded
// queue; the time limit starts when a worker takes the query.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { QueryError, type Answer, type ChooseFormat, type ProtocolDataset, type QueryErrorCode } from '../query/execute.ts';
import { readPrologue } from '../query/form.ts';
import type { MediaType } from '../query/formats.ts';
import type { QueryLimits } from './limits.ts';
import type { Site } from './site.ts';

export interface WorkerSetup {
  ntriples: string;
  description?: string;
  graph: string;
  maxResultBytes: number;
}

export interface Job {
  id: number;
  text: string;
  /** The format for the query's form, chosen on the server's thread; undefined when the client accepts none. */
  mediaType?: MediaType;
  dataset: ProtocolDataset;
}

export type WorkerMessage =
  | { ready: true }
  | { id: number; answer: Answer }
  | { id: number; tooLarge: number }
  | { id: number; failed: string }
  | { id: number; error: { code: QueryErrorCode; message: string; line?: number; column?: number } };

/** A query the service stops or does not start, with the status, code and headers the client gets. */
export class QueryRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'QueryRefused';
  }
}

/** Room for a worker's copy of an answer up to the size limit; a worker that needs more dies alone. */
const WORKER_HEAP_MB = 512;

/** Two at least, so that one long query leaves a worker for everyone else. */
export const QUERY_WORKERS = Math.min(4, Math.max(2, availableParallelism()));

interface Waiting {
  job: Job;
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  running?: Waiting & { timer: NodeJS.Timeout };
}

export class QueryPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private nextId = 0;
  /** Set when a worker could not load the release: no query can run. */
  private broken?: Error;
  private closed = false;
  /** Resolves once every worker has loaded the release; rejects when one cannot. */
  readonly ready: Promise<void>;
  private started!: () => void;
  private failedToStart!: (e: Error) => void;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly limits: QueryLimits,
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.started = resolve;
      this.failedToStart = reject;
    });
    for (let i = 0; i < QUERY_WORKERS; i++) this.spawn(i);
  }

  run(text: string, choose: ChooseFormat, dataset: ProtocolDataset): Promise<Answer> {
    if (this.broken || this.closed) return Promise.reject(this.broken ?? new Error('the query workers are stopped'));
    if (this.queue.length >= this.limits.maxQueuedQueries)
      return Promise.reject(new QueryRefused(503, 'busy', `${this.queue.length} queries are waiting already; try again shortly`, { 'retry-after': '1' }));
    const { form } = readPrologue(text);
    const mediaType = form && form !== 'UPDATE' ? choose(form) : undefined;
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, text, mediaType, dataset }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('the server stopped before the query ran');
    for (const waiting of this.queue.splice(0)) waiting.reject(stopped);
    for (const slot of this.slots) {
      if (!slot.running) continue;
      clearTimeout(slot.running.timer);
      slot.running.reject(stopped);
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(index: number): void {
    const worker = new Worker(new URL('./query-worker.mjs', import.meta.url), {
      workerData: this.setup,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // The listening socket keeps the process alive; the workers alone must not.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots[index] = slot;
    worker.on('message', (m: WorkerMessage) => this.receive(slot, m));
    worker.on('error', (e: Error & { code?: string }) => this.crashed(index, slot, e));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.ready || slot.running) continue;
      const waiting = this.queue.shift()!;
      const index = this.slots.indexOf(slot);
      slot.running = { ...waiting, timer: setTimeout(() => this.timeOut(index, slot), this.limits.queryTimeoutMs) };
      slot.worker.postMessage(waiting.job);
    }
  }

  private receive(slot: Slot, m: WorkerMessage): void {
    if ('ready' in m) {
      slot.ready = true;
      if (this.slots.every((s) => s.ready)) this.started();
      return this.dispatch();
    }
    const running = slot.running;
    // A message a worker sent just before it was stopped at the time limit has no one to go to.
    if (running?.job.id !== m.id) return;
    clearTimeout(running.timer);
    slot.running = undefined;
    if ('answer' in m) running.resolve(m.answer);
    else if ('tooLarge' in m) running.reject(this.tooLarge(`the answer is ${m.tooLarge} bytes`));
    else if ('failed' in m) running.reject(new Error(`a query worker failed: ${m.failed}`));
    else running.reject(new QueryError(m.error.code, m.error.message, m.error.line, m.error.column));
    this.dispatch();
  }

  private timeOut(index: number, slot: Slot): void {
    const running = slot.running!;
    slot.running = undefined;
    void slot.worker.terminate();
    this.spawn(index);
    const seconds = this.limits.queryTimeoutMs / 1000;
    running.reject(new QueryRefused(503, 'query-timeout', `the query was stopped after ${seconds} s, the limit of this service; narrow its patterns or add a LIMIT`));
  }

  private crashed(index: number, slot: Slot, e: Error & { code?: string }): void {
    if (this.closed || this.slots[index] !== slot) return;
    if (!slot.ready) {
      this.broken = e;
      this.failedToStart(e);
      for (const waiting of this.queue.splice(0)) waiting.reject(e);
      return;
    }
    if (slot.running) {
      clearTimeout(slot.running.timer);
      slot.running.reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.tooLarge('the answer does not fit in memory') : e);
    }
    this.spawn(index);
  }

  private tooLarge(what: string): QueryRefused {
    return new QueryRefused(413, 'result-too-large', `${what}, over the limit of ${this.limits.maxResultBytes} bytes; add a LIMIT or ask for fewer variables`);
  }
}

/** The live server's pool for each site it serves (server.ts starts and stops it). */
const pools = new WeakMap<Site, QueryPool>();

export function startQueryPool(site: Site, limits: QueryLimits): QueryPool {
  const { dumps, graph } = site.release;
  const pool = new QueryPool({ ntriples: dumps.ntriples, description: dumps.description, graph: graph.value, maxResultBytes: limits.maxResultBytes }, limits);
  pools.set(site, pool);
  return pool;
}

export function queryPoolOf(site: Site): QueryPool {
  const pool = pools.get(site);
  if (!pool) throw new Error('no query workers for this site: the SPARQL endpoint answers only in a running server (serve())');
  return pool;
}
