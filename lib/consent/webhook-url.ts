import type { Env } from "@/lib/env";

/**
 * Where Mailchimp delivers audience webhooks: MAILCHIMP_WEBHOOK_BASE_URL (when the receiver is reached by
 * another name than the console) or NEXTAUTH_URL, plus the secret path segment. Undefined when either is unset.
 */
export function webhookPublicUrl(env: Pick<Env, "MAILCHIMP_WEBHOOK_BASE_URL" | "NEXTAUTH_URL" | "MAILCHIMP_WEBHOOK_SECRET">): string | undefined {
  const base = env.MAILCHIMP_WEBHOOK_BASE_URL ?? env.NEXTAUTH_URL;
  if (!base || !env.MAILCHIMP_WEBHOOK_SECRET) return undefined;
  return `${base.replace(/\/+$/, "")}/api/webhooks/mailchimp/${env.MAILCHIMP_WEBHOOK_SECRET}`;
}
