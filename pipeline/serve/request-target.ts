// The first look at a request's target, before any handler: a URL over the length limit is
// refused (414), and so is a path holding a character that no IRI path has (`\`, `"`, `<`, `{`,
// a `%` not followed by two hex digits…), since handlers turn paths into dataset IRIs and file
// names. No path is ever decoded or resolved against the file system: `..` and `%2e%2e` are just
// characters of a name that nothing is served under.

import { MAX_URL_BYTES } from './limits.ts';
import { failure, type Reply } from './reply.ts';

/** RFC 3987 ipath characters in ASCII (Node refuses any other byte in the request line): unreserved, sub-delims, ":", "@", "/" and %XX. */
const IRI_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

export function refuseTarget(url: string): Reply | undefined {
  if (Buffer.byteLength(url) > MAX_URL_BYTES)
    return failure(414, 'uri-too-long', `the URL is over ${MAX_URL_BYTES} bytes; POST long queries as application/sparql-query`);
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (!IRI_PATH.test(path)) return failure(400, 'malformed-path', 'the path holds a character that no address of this service has');
  return undefined;
}
