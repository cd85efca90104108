// Every text that reaches a page goes through here: labels, literals and IRIs come from data that
// people typed, and a name containing "<" or "&" must show as text, never become markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** The URL when it may be a link target (http(s) or site-relative), so that no javascript: link is made; escape it when writing. */
export function safeHref(url: string): string | undefined {
  return /^(https?:\/\/|\/)/i.test(url) ? url : undefined;
}
