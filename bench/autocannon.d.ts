// autocannon ships no types: this declares the part of its API that bench/load-test.ts uses.

declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
    total: number;
  }

  interface Result {
    requests: Histogram;
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  interface Options {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
  }

  export default function autocannon(opts: Options): PromiseLike<Result>;
}
