import { resetEnvCache } from "@/lib/env";

/** The secret the route reads through getEnv(); set before any handler runs, cache reset so it is seen. */
export const SECRET = "test-webhook-secret-0123456789";

/** null unsets the variable (undefined would pick the default). */
export function useWebhookSecret(secret: string | null = SECRET): void {
  if (secret === null) delete process.env.MAILCHIMP_WEBHOOK_SECRET;
  else process.env.MAILCHIMP_WEBHOOK_SECRET = secret;
  resetEnvCache();
}

export const ctx = (secret: string) => ({ params: Promise.resolve({ secret }) });

export function formRequest(fields: Record<string, string>, init: { contentType?: string; secret?: string } = {}): Request {
  return new Request(`http://localhost/api/webhooks/mailchimp/${init.secret ?? SECRET}`, {
    method: "POST",
    headers: { "content-type": init.contentType ?? "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

export function unsubscribeFields(email: string, listId = "aud1", firedAt = "2026-11-26 10:00:00"): Record<string, string> {
  return {
    type: "unsubscribe",
    fired_at: firedAt,
    "data[action]": "unsub",
    "data[reason]": "manual",
    "data[id]": "abc123",
    "data[list_id]": listId,
    "data[email]": email,
    "data[merges][EMAIL]": email,
    "data[merges][FNAME]": "Eve",
  };
}
