import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normaliseLogin } from "./authorize";
import type { Role } from "./roles";

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  email_verified?: boolean;
}

/** Single sign-on for companies with an identity provider; enabled only when all OIDC_* variables are set. */
export function oidcProvider(env: Env): OAuthConfig<OidcProfile> | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return undefined;
  return {
    id: "oidc",
    name: env.OIDC_NAME ?? "SSO",
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    profile(profile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
    },
  };
}

/**
 * Maps an identity-provider login to a console user. Existing users keep their role; unknown emails are
 * refused unless OIDC_DEFAULT_ROLE says which role a newcomer gets.
 */
export async function resolveOidcUser(
  prisma: PrismaClient,
  email: string | null | undefined,
  name: string | null | undefined,
  defaultRole: Role | undefined,
): Promise<{ id: string; role: Role } | null> {
  if (!email) return null;
  const login = normaliseLogin(email);
  const existing = await prisma.user.findUnique({ where: { email: login } });
  if (existing) return existing.active ? { id: existing.id, role: existing.role } : null;
  if (!defaultRole) return null;
  const created = await prisma.user.create({ data: { email: login, name: name ?? login, role: defaultRole } });
  await prisma.auditEvent.create({ data: { actorId: created.id, action: "auth.oidc_provisioned", detail: { role: defaultRole } } });
  return { id: created.id, role: created.role };
}
