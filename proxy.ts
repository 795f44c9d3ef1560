/**
 * Runs before every request (Next 16's proxy, Node runtime). Two jobs:
 * 1. refuse input Next would otherwise answer with a 500 before our guards run (lib/http/refuse-bad-request.ts):
 *    paths that are not valid UTF-8, and server-action calls without a session, too large or undecodable;
 * 2. set the security headers (lib/http/security-headers.ts), with a fresh CSP nonce that Next stamps on its
 *    scripts because the request carries the same CSP header;
 * 3. while Postgres is down, answer page requests with the "database unavailable" page (503) instead of letting
 *    each page fail with a 500 (lib/http/database-gate.ts; API routes answer 503 JSON themselves).
 */
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { refuseActionBody, refuseActionRequest, refusePath, SESSION_COOKIE, type Refusal } from "@/lib/http/refuse-bad-request";
import { databaseOutage, isPageRequest } from "@/lib/http/database-gate";
import { DATABASE_RETRY_SECONDS, databaseUnavailablePage } from "@/lib/http/database-unavailable-page";
import { securityHeaders } from "@/lib/http/security-headers";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const env = getEnv();
  const headers = securityHeaders({
    nonce: Buffer.from(crypto.randomUUID()).toString("base64"),
    https: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    development: env.NODE_ENV === "development",
  });
  const refusal = await refuse(request);
  if (refusal) return withHeaders(NextResponse.json(refusal.body, { status: refusal.status }), headers);
  if (isPageRequest(request.method, request.nextUrl.pathname)) {
    const outage = await databaseOutage();
    if (outage) {
      return withHeaders(
        new NextResponse(request.method === "HEAD" ? null : databaseUnavailablePage(outage.error), {
          status: 503,
          headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(DATABASE_RETRY_SECONDS) },
        }),
        headers,
      );
    }
  }

  const forward = new Headers(request.headers);
  forward.set("Content-Security-Policy", headers["Content-Security-Policy"] as string);
  return withHeaders(NextResponse.next({ request: { headers: forward } }), headers);
}

async function refuse(request: NextRequest): Promise<Refusal | undefined> {
  const pathRefusal = refusePath(new URL(request.url).pathname);
  if (pathRefusal) return pathRefusal;
  if (request.method !== "POST" || !request.headers.has("next-action")) return undefined;
  const length = request.headers.get("content-length");
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const early = refuseActionRequest({
    signedIn: request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name)),
    contentType,
    contentLength: length === null ? undefined : Number(length),
  });
  if (early) return early;
  return refuseActionBody(await request.clone().text());
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's immutable build assets.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
