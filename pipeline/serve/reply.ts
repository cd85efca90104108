// What a handler answers, as plain data: the server writes it (server.ts), so that handlers stay
// pure and testable, and headers or limits that apply to every answer are added in one place.

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** The request as handlers see it: the raw path (dataset IRIs are never percent-decoded), the query string, headers and body. */
export interface Incoming {
  method: string;
  path: string;
  params: URLSearchParams;
  headers: Record<string, string | undefined>;
  body?: Buffer;
}

export function ok(mediaType: string, body: string | Buffer, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers: { 'content-type': mediaType, ...headers }, body };
}

export function html(body: string, headers: Record<string, string> = {}): Reply {
  return ok('text/html; charset=utf-8', body, headers);
}

export function redirect(status: 301 | 303, location: string): Reply {
  return { status, headers: { location, 'content-type': 'text/plain; charset=utf-8' }, body: `${status === 303 ? 'See Other' : 'Moved Permanently'}: ${location}\n` };
}

/** An error as one line, `error {code}: {message}`, like the build's diagnostics; clients branch on the code. */
export function failure(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: `error ${code}: ${message}\n` };
}

export function methodNotAllowed(allow: string): Reply {
  return failure(405, 'method-not-allowed', `use ${allow}`, { allow });
}
