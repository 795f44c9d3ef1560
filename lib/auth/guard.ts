import { forbidden, redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { badInputStatus, containsNul } from "@/lib/api/bad-input-status";
import { ApiError, errorResponse, forbiddenFor, unauthorized } from "@/lib/api/errors";
import { isDatabaseUnavailable } from "@/lib/db/health";
import { logger } from "@/lib/logger";
import type { SignedInUser } from "./authorize";
import { canSee, pageBySlug, type PageSlug, type Role } from "./roles";
import { getCurrentUser } from "./session";

/** Pages: unauthenticated -> the sign-in page; wrong role -> the 403 page (app/forbidden.tsx). */
export async function requirePage(slug: PageSlug): Promise<SignedInUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(pageBySlug(slug).href)}`);
  if (!canSee(user.role, slug)) forbidden();
  return user;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (req: NextRequest, ctx: RouteContext & { user: SignedInUser }) => Promise<Response>;

/**
 * Route handlers: 401 JSON without a session, 403 JSON for a role not in `roles`, errors mapped by
 * lib/api/errors. Every handler under app/api that serves signed-in users is wrapped in this.
 */
export function withRoles(roles: readonly Role[], handler: RouteHandler) {
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) throw unauthorized();
      if (!roles.includes(user.role)) throw forbiddenFor(`call ${req.method} ${req.nextUrl.pathname}`);
      return await handler(req, { ...ctx, user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503 | 500; error: string; fields?: Record<string, string> };

/**
 * Server actions: the role is declared where the action is defined, the input validated with zod, and
 * failures returned as values (a thrown error would reach the client as an opaque 500).
 */
export function defineAction<S extends z.ZodType, T>(
  options: { roles: readonly Role[]; input: S; name: string },
  run: (input: z.output<S>, user: SignedInUser) => Promise<T>,
): (raw: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    const user = await getCurrentUser().catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) return "unavailable" as const;
      throw error;
    });
    if (user === "unavailable") return { ok: false, status: 503, error: "The database is unavailable. Try again shortly." };
    if (!user) return { ok: false, status: 401, error: "Sign in first." };
    if (!options.roles.includes(user.role)) return { ok: false, status: 403, error: `Your role may not ${options.name}.` };
    if (containsNul(raw)) return { ok: false, status: 400, error: "Text may not contain NUL characters." };
    const parsed = options.input.safeParse(raw);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
      return { ok: false, status: 400, error: "Check the highlighted fields.", fields };
    }
    try {
      return { ok: true, data: await run(parsed.data, user) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, status: error.status, error: error.message };
      if (isDatabaseUnavailable(error)) return { ok: false, status: 503, error: "The database is unavailable. Try again shortly." };
      const status = badInputStatus(error);
      if (status !== undefined) {
        logger.info({ status, action: options.name, code: (error as { code?: string }).code }, "server action refused input the database cannot hold");
        return { ok: false, status, error: status === 404 ? "Not found." : "The request is not valid." };
      }
      logger.error({ err: error, action: options.name }, "unhandled error in server action");
      return { ok: false, status: 500, error: "Something went wrong." };
    }
  };
}
