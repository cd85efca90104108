// Rendered pages and documents, kept while the server runs. The release does not change while it
// is served, so each variant is rendered once: a mechanism's page with its pictures costs 150 to
// 700 ms of this thread, the overview a second, and without the cache a few clients asking for
// them again and again held every other client up for seconds (docs/robustness.md).
//
// The key is what the page handlers read, and nothing else: the path, the media type that Accept
// chooses among the documents' offers and the language that Accept-Language chooses. So a client
// cannot force a render by varying its headers or adding a query string; a handler that comes to
// read anything else must be left out of the cache. SPARQL answers are not kept: the query limits
// bound them instead. The least recently used entries go first once the budget is spent.

import { LANGUAGES } from './labels.ts';
import { chooseLanguage, chooseMediaType } from './negotiate.ts';
import type { Incoming, Reply } from './reply.ts';
import { OFFERS } from './resources.ts';

/** Enough for every page of the release in both languages several times over. */
export const MAX_CACHED_BYTES = 64 << 20;

export class ReplyCache {
  /** A Map iterates in insertion order: re-inserting on every hit keeps the oldest first. */
  private readonly entries = new Map<string, { reply: Reply; bytes: number }>();
  private bytes = 0;

  async through(req: Incoming, render: () => Promise<Reply>): Promise<Reply> {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/sparql') return render();
    const variant = [chooseMediaType(req.headers.accept, OFFERS) ?? '', chooseLanguage(req.headers['accept-language'], LANGUAGES)];
    const key = [req.path, ...variant].join('\n');
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.reply;
    }
    const reply = await render();
    // Files (Buffers) are in memory already; errors are cheap and a flood of them must not evict pages.
    if (typeof reply.body !== 'string' || reply.status >= 400 || this.entries.has(key)) return reply;
    const bytes = Buffer.byteLength(reply.body) + key.length;
    if (bytes > MAX_CACHED_BYTES) return reply;
    this.entries.set(key, { reply, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= MAX_CACHED_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return reply;
  }
}
