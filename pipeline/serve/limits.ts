// The bounds that keep one client from taking the service away from the others: how long a query
// may run, how large its answer may be, how many may wait, how long a URL may be and how long a
// connection may take to send its request. docs/robustness.md gives the values and the answers.

import type { Server } from 'node:http';

export interface QueryLimits {
  /** A query still running after this is stopped (its worker thread is terminated): 503 query-timeout. */
  queryTimeoutMs: number;
  /** An answer whose serialisation is larger than this is not sent: 413 result-too-large. */
  maxResultBytes: number;
  /** Queries waiting for a free worker beyond this many are refused at once: 503 busy. */
  maxQueuedQueries: number;
}

/** Every researcher query of ontology/queries/ answers in well under a second; the whole dump is 3 MB. */
export const DEFAULT_LIMITS: QueryLimits = { queryTimeoutMs: 10_000, maxResultBytes: 16 << 20, maxQueuedQueries: 64 };

/**
 * An answer shown to a browser as an HTML table is rendered on the server's thread, which the whole
 * release (5 MB of JSON) holds for over a second: past this size, about 2,000 rows, the browser
 * gets 413 and the advice to ask for JSON, CSV or Turtle, which are sent as the worker wrote them.
 */
export const MAX_HTML_RESULT_BYTES = 512 << 10;

/**
 * A request target longer than this is refused with 414 (request-target.ts): a long query belongs
 * in a POST body. It is below Node's own limit on the request head (16 KiB, answered 431), so that
 * clients get a reason they can act on.
 */
export const MAX_URL_BYTES = 8 << 10;

/** A client that sends its request head or body slowly (slowloris) loses its connection instead of holding it. */
export function boundSlowClients(server: Server): void {
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
}
