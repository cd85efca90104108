// The read-only HTTP service over one release, on node:http: it reads the request (the body only
// for POST, up to a limit), asks the router for a reply and writes it. It listens on loopback
// unless told otherwise; a public deployment belongs behind a reverse proxy.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openRelease } from '../query/release.ts';
import { loadAssets } from './assets.ts';
import { boundSlowClients, DEFAULT_LIMITS, type QueryLimits } from './limits.ts';
import { startQueryPool } from './query-pool.ts';
import { failure, type Incoming, type Reply } from './reply.ts';
import { ReplyCache } from './reply-cache.ts';
import { refuseTarget } from './request-target.ts';
import { route } from './router.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { openSite, type Site } from './site.ts';

/** A query or form larger than this is refused (413) before it is parsed. */
export const MAX_BODY_BYTES = 1 << 20;

/** Headers on every answer: the data is public, so any web page may query it. */
const COMMON_HEADERS = { 'access-control-allow-origin': '*', ...SECURITY_HEADERS };

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A declared length over the limit is refused without waiting for the body.
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // Stop reading: the answer goes out with `connection: close`, which drops the rest.
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function answer(site: Site, assets: ReturnType<typeof loadAssets>, cache: ReplyCache, req: IncomingMessage): Promise<Reply> {
  const raw = req.url ?? '/';
  const refused = refuseTarget(raw);
  if (refused) return refused;
  const q = raw.indexOf('?');
  const incoming: Incoming = {
    method: req.method ?? 'GET',
    path: q < 0 ? raw : raw.slice(0, q),
    params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
    headers: req.headers as Record<string, string | undefined>,
  };
  if (incoming.method === 'POST') {
    try {
      incoming.body = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) return failure(413, 'too-large', `the request body is over ${MAX_BODY_BYTES} bytes`, { connection: 'close' });
      throw e;
    }
  }
  return cache.through(incoming, () => route(site, assets, incoming));
}

export async function serve(site: Site, opts: { port: number; host: string; limits?: Partial<QueryLimits> }): Promise<RunningServer> {
  const assets = loadAssets();
  const queries = startQueryPool(site, { ...DEFAULT_LIMITS, ...opts.limits });
  const cache = new ReplyCache();
  const server = createServer((req, res) => {
    answer(site, assets, cache, req)
      .catch((e: unknown) => {
        process.stderr.write(`internal error on ${req.method} ${req.url}: ${(e as Error).stack ?? e}\n`);
        return failure(500, 'internal', 'the server failed to answer; this is a bug');
      })
      .then((reply) => {
        if (res.headersSent) return;
        const body = req.method === 'HEAD' ? undefined : reply.body;
        const length = reply.body === undefined ? 0 : Buffer.byteLength(reply.body);
        res.writeHead(reply.status, { ...COMMON_HEADERS, ...reply.headers, 'content-length': String(length) });
        res.end(body);
      });
  });
  boundSlowClients(server);
  // Listen only once queries can run, so that a release the workers cannot load fails here.
  await queries.ready.catch(async (e: unknown) => {
    await queries.close();
    throw e;
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => void queries.close().then(() => reject(e)));
    server.listen(opts.port, opts.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({
        url: `http://${host}:${port}`,
        server,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          await queries.close();
        },
      });
    });
  });
}

/** Opens the release in outDir and serves it; port 0 picks a free port. */
export function startServer(opts: { root: string; outDir: string; base: string; port: number; host?: string; limits?: Partial<QueryLimits> }): Promise<RunningServer> {
  const site = openSite(openRelease(opts), opts.root, true);
  return serve(site, { port: opts.port, host: opts.host ?? '127.0.0.1', limits: opts.limits });
}
