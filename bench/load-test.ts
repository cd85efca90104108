// The load test of `iscm serve` (docs/robustness.md, `make loadtest`): the server runs in a child
// process on 127.0.0.1 over the built output/, and autocannon sends from 20 connections for 10 s
// to each target in turn: a researcher's SPARQL query, a mechanism's page as HTML and as Turtle,
// an IRI's 303, then the same SPARQL query while another client keeps sending a query that only
// the time limit stops. It prints throughput and latency per target, and exits 1 on any
// connection error, timeout, unexpected status or internal error the server logs.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 20;
const SECONDS = 10;
/** Every triple joined with every triple twice: only the server's time limit ends it. */
const CROSS_JOIN = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
const TYPICAL = readFileSync(join(ROOT, 'ontology', 'queries', 'berne-member-states.rq'), 'utf8');
const sparql = (query: string) => `/sparql?query=${encodeURIComponent(query)}`;

interface Target {
  name: string;
  path: string;
  accept: string;
  status: number;
  /** Runs beside the load, from start to end. */
  alongside?: (url: string, until: Promise<void>) => Promise<string>;
}

interface Server {
  url: string;
  /** What the server wrote to stderr since it started serving. */
  log(): string;
  stop(): void;
}

function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline', 'cli', 'serve.ts'), '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}:\n${stderr}`)));
    const waitForUrl = () => {
      const m = /serving (http:\/\/\S+?)\/ /.exec(stderr);
      if (!m) return void child.stderr.once('data', waitForUrl);
      const start = stderr.length;
      resolve({ url: m[1], log: () => stderr.slice(start), stop: () => void child.kill('SIGTERM') });
    };
    child.stderr.once('data', waitForUrl);
  });
}

/** Sends the cross join again and again until `until` settles; says how each one ended. */
async function crossJoins(url: string, until: Promise<void>): Promise<string> {
  let done = false;
  void until.then(() => (done = true));
  const ends: string[] = [];
  while (!done) {
    const started = performance.now();
    const r = await fetch(`${url}${sparql(CROSS_JOIN)}`, { headers: { accept: 'application/sparql-results+json' } });
    const code = /^error ([a-z-]+):/.exec(await r.text())?.[1] ?? 'no code';
    ends.push(`${r.status} ${code} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return `cross joins alongside: ${ends.join('; ')}`;
}

const TARGETS: Target[] = [
  { name: 'SPARQL: Berne member states (GET, JSON)', path: sparql(TYPICAL), accept: 'application/sparql-results+json', status: 200 },
  { name: '/doc/process/berne-initiative as HTML', path: '/doc/process/berne-initiative', accept: 'text/html', status: 200 },
  { name: '/doc/process/berne-initiative as Turtle', path: '/doc/process/berne-initiative', accept: 'text/turtle', status: 200 },
  { name: '/id/state/CHE (303 See Other)', path: '/id/state/CHE', accept: 'text/turtle', status: 303 },
  { name: 'SPARQL: Berne member states, with a cross join running', path: sparql(TYPICAL), accept: 'application/sparql-results+json', status: 200, alongside: crossJoins },
];

async function main(): Promise<number> {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  const server = await startServer();
  const rows: string[] = [];
  const notes: string[] = [];
  let failed = false;
  try {
    for (const target of TARGETS) {
      let finish!: () => void;
      const until = new Promise<void>((resolve) => (finish = resolve));
      const beside = target.alongside?.(server.url, until);
      const result = await autocannon({ url: `${server.url}${target.path}`, connections: CONNECTIONS, duration: SECONDS, headers: { accept: target.accept } });
      finish();
      if (beside) notes.push(await beside);
      const statuses = Object.entries(result.statusCodeStats).map(([status, { count }]) => `${count} × ${status}`);
      const unexpected = Object.keys(result.statusCodeStats).filter((s) => Number(s) !== target.status);
      if (result.errors || result.timeouts || unexpected.length) failed = true;
      rows.push(
        `| ${target.name} | ${result.requests.total} | ${result.requests.average.toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${result.errors} | ${result.timeouts} | ${statuses.join(', ')} |`,
      );
      process.stderr.write(`${rows[rows.length - 1]}\n`);
    }
  } finally {
    server.stop();
  }
  const internal = server.log().split('\n').filter((l) => l.startsWith('internal error'));
  if (internal.length) failed = true;
  process.stdout.write(
    [
      `${CONNECTIONS} connections, ${SECONDS} s per target, 127.0.0.1; load average at the start: ${load}`,
      '',
      '| target | requests | req/s | p50 ms | p99 ms | errors | timeouts | statuses |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...rows,
      '',
      ...notes,
      ...internal,
      failed ? 'FAILED: errors, timeouts, unexpected statuses or internal errors above' : 'no errors, no timeouts, no unexpected status',
      '',
    ].join('\n'),
  );
  return failed ? 1 : 0;
}

process.exitCode = await main();
