/**
 * Where a sign-in may send the user next. Only a path on the console's own origin: an open redirect after
 * sign-in hands a freshly signed-in user to a phishing page. Browsers treat `\` as `/` and drop tabs and
 * newlines from URLs, so `/\evil.example` and `/%09/evil.example` (decoded: `/<TAB>/evil.example`) both reach
 * another host; any backslash or control character is refused outright rather than normalised.
 */
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw || UNSAFE.test(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  // Relative input must start with one slash; an absolute URL on our own origin is reduced to its path.
  if (!/^https?:\/\//i.test(raw) && (!raw.startsWith("/") || raw.startsWith("//"))) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example": protocol-relative once it leaves here.
  return path.startsWith("//") ? "/" : path;
}

/** next-auth's `callbacks.redirect`: the same rule, answered as an absolute URL on the console's origin. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
}
