/**
 * The headers every response carries. The CSP allows scripts only from our origin and those carrying this
 * request's nonce (Next stamps it on its own inline scripts when it finds the nonce in the request's CSP header;
 * every console page is rendered per request). Styles allow 'unsafe-inline' because the charts (recharts) and
 * React set style attributes; style injection cannot run code. Framing is refused twice (frame-ancestors and
 * X-Frame-Options for older browsers). HSTS only when the console is served over https (NEXTAUTH_URL), so a
 * plain-http demo on localhost does not pin the browser to https.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  https: boolean;
  /** `next dev` needs eval for its error overlay; production never does. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000" } : {}),
  };
}
