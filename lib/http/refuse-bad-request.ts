/**
 * Requests Next itself would answer with a 500 before any of our code runs, refused here with a 4xx instead
 * (called from proxy.ts). Next decodes a server action's body before the action's own guard sees it, so a body
 * it cannot decode (not JSON, a `$`-reference to nothing, multipart from nowhere, megabytes) became a 500 with a
 * stack in the log; and a path that is not valid UTF-8 percent-encoding fails Next's param decoding.
 */
export type Refusal = { status: 400 | 401 | 413; body: Record<string, unknown> };

/** Next's default serverActions.bodySizeLimit. */
export const MAX_ACTION_BODY = 1024 * 1024;

/** What React's encodeReply produces for the plain objects our actions take: `$$`-escaped strings and a few
 * scalar markers. Anything else (`$B1`, `$K1`, `$@0`, `$Q`…) refers to parts a plain object never has. */
const ALLOWED_REFERENCE = /^\$(\$|undefined$|D|n-?\d|-0$|Infinity$|-Infinity$|NaN$)/;

export function refusePath(pathname: string): Refusal | undefined {
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    return { status: 400, body: { error: { code: "invalid_path", message: "The path is not valid UTF-8." } } };
  }
}

export function refuseActionRequest(req: { signedIn: boolean; contentType: string; contentLength: number | undefined }): Refusal | undefined {
  // Every action needs a session; answered here like defineAction would, before Next parses anything.
  if (!req.signedIn) return { status: 401, body: { ok: false, status: 401, error: "Sign in first." } };
  if (req.contentLength !== undefined && req.contentLength > MAX_ACTION_BODY) {
    return { status: 413, body: { ok: false, status: 413, error: "The request is too large." } };
  }
  // The console calls actions only with plain objects, which React sends as text/plain JSON; no form actions.
  if (req.contentType !== "text/plain") return { status: 400, body: { ok: false, status: 400, error: "The request is not valid." } };
  return undefined;
}

/** A text/plain action body must be a JSON array (the arguments) whose `$`-strings are ones a plain object can
 * produce, without NUL. */
export function refuseActionBody(text: string): Refusal | undefined {
  const bad: Refusal = { status: 400, body: { ok: false, status: 400, error: "The request is not valid." } };
  if (text.length > MAX_ACTION_BODY || text.includes("\u0000")) return bad;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad;
  }
  // The arguments list: Next spreads it into the action, and anything but an array made that throw (500).
  if (!Array.isArray(value)) return bad;
  return hasForeignReference(value, 0) ? bad : undefined;
}

function hasForeignReference(value: unknown, depth: number): boolean {
  if (typeof value === "string") return value.includes("\u0000") || (value.startsWith("$") && !ALLOWED_REFERENCE.test(value));
  if (depth > 32) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some((v) => hasForeignReference(v, depth + 1));
}

export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
