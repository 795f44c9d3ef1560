/**
 * next-auth's own endpoints (sign-in, callback, session, CSRF, sign-out). Public by nature: this is how a
 * session is obtained. The options are built per request so the build needs no secret.
 * next-auth's client posts form-encoded bodies only; anything else (JSON among them) made next-auth throw while
 * parsing and answer 500, so it is refused with 415 here, and a parse failure inside next-auth becomes a 400.
 */
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { logger } from "@/lib/logger";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  if (req.method === "POST") {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      return Response.json({ error: { code: "unsupported_media_type", message: "Send a form-encoded body." } }, { status: 415 });
    }
  }
  try {
    return (await NextAuth(req as never, ctx as never, getAuthOptions())) as Response;
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof TypeError || error instanceof URIError)) throw error;
    logger.info({ reason: error.message }, "next-auth refused a malformed request");
    return Response.json({ error: { code: "invalid_input", message: "The request is not valid." } }, { status: 400 });
  }
}

export { handler as GET, handler as POST };
