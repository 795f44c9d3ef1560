/**
 * next-auth's own endpoints (sign-in, callback, session, CSRF, sign-out). Public by nature: this is how a
 * session is obtained. The options are built per request so the build needs no secret.
 */
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, getAuthOptions());
}

export { handler as GET, handler as POST };
