// Entry point of a query worker thread: Node 20 does not pass tsx's loader on to worker threads,
// so the worker registers it before importing its TypeScript (query-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./query-worker.ts');
