// Headers on every answer that tell a browser to trust nothing but this server: scripts, styles,
// pictures and queries come from here only (YASGUI is bundled under /assets/), no page may be
// framed by another site, no type is sniffed, and no address leaks to the sites the pages link.
// Labels are escaped anyway (html/escape.ts); the policy is the second line of defence.

/**
 * The two <style> elements that the column resizer of YASGUI's results table adds, allowed by the
 * SHA-256 of their fixed text (its table layout, then the cursor while a column is dragged) and no
 * other inline style. tests/serve-security.test.ts runs a query in Chromium and fails on any
 * violation, so a YASGUI release that changes them is noticed.
 */
const YASGUI_STYLE_HASHES = ["'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='", "'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='"];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${YASGUI_STYLE_HASHES.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
