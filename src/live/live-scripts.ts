/**
 * The scripts a live page loads after htmx, in order (deferred scripts run in document order):
 * the SSE extension, any other extension, then the stream's start (static/live.js).
 */
export function liveScripts(...extensions: string[]): string[] {
  return ["/static/hx-sse.js", ...extensions, "/static/live.js"];
}
