/**
 * The Content-Security-Policy of the renderer page, for both hosts. Scripts come only from the app's
 * own files (Vite emits no inline script); styles may also be inline because Svelte and CodeMirror
 * set them at run time; the page talks only to its own host (`connect`), and nothing may frame it,
 * submit forms or load plugins.
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
