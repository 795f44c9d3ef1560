import { randomUUID } from "node:crypto";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { authorizeCredentials } from "./authorize";
import { resolveClientIp } from "./client-ip";
import { isRole, type Role } from "./roles";
import { revokeSession, sessionIdOf } from "./revoke-session";
import { safeRedirectUrl } from "./safe-callback";
import { resolveAuthSecret } from "./secret";
import { oidcProvider, resolveOidcUser } from "./oidc";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    /** This session's id; sign-out revokes it (lib/auth/revoke-session.ts). */
    sid?: string;
  }
  interface User {
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sid?: string;
  }
}

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Built on first use, not at import, so `next build` needs no secret or database. */
let cached: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}

function buildAuthOptions(): AuthOptions {
  const env = getEnv();
  const oidc = oidcProvider(env);
  return {
    secret: resolveAuthSecret(),
    // JWT sessions: next-auth's credentials provider supports no other. The role in the token is only a
    // hint for the UI; every server check re-reads the user from Postgres (lib/auth/session.ts).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Secure (and __Secure- prefixed) cookies whenever the console is served over https.
    useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const outcome = await authorizeCredentials(getPrisma(), {
            email: credentials?.email ?? "",
            password: credentials?.password ?? "",
            ip: resolveClientIp(req.headers ?? {}, env.TRUSTED_PROXIES),
          });
          if (outcome.ok) return outcome.user;
          // next-auth passes a thrown message through to the form as `error`.
          throw new Error(outcome.reason === "locked" ? `locked:${outcome.retryAfterSeconds}` : "invalid");
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    events: {
      async signOut({ token }) {
        const sid = sessionIdOf(token?.sid);
        if (!sid) return;
        const exp = typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000;
        await revokeSession(getPrisma(), { sid, userId: token.uid, expiresAt: new Date(exp) });
      },
    },
    callbacks: {
      // next-auth's default accepts any path starting with "/", including "/\\evil.example".
      async redirect({ url, baseUrl }) {
        return safeRedirectUrl(url, baseUrl);
      },
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        const local = await resolveOidcUser(getPrisma(), user.email, user.name, env.OIDC_DEFAULT_ROLE);
        if (!local) return "/signin?error=oidc";
        user.id = local.id;
        user.role = local.role;
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          // Once per sign-in; kept in every re-issued token, so sign-out can revoke the whole session.
          token.sid = randomUUID();
          token.uid = user.id;
          token.role = isRole(user.role) ? user.role : undefined;
        }
        return token;
      },
      async session({ session, token }) {
        if (token.uid && token.role && token.email) {
          session.user = { id: token.uid, email: token.email, name: token.name ?? token.email, role: token.role };
          session.sid = token.sid;
        }
        return session;
      },
    },
  };
}
