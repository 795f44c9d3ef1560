import { getEnv } from "@/lib/env";

export interface MailchimpConfig {
  apiKey: string;
  /** Overrides https://<dc>.api.mailchimp.com/3.0 (the emulator). A bare origin gets "/3.0" appended. */
  baseUrl?: string;
}

export function mailchimpConfigFromEnv(): MailchimpConfig {
  const env = getEnv();
  if (env.MAILCHIMP_API_KEY === undefined) throw new Error("Mailchimp is not configured: missing MAILCHIMP_API_KEY");
  return { apiKey: env.MAILCHIMP_API_KEY, ...(env.MAILCHIMP_BASE_URL ? { baseUrl: env.MAILCHIMP_BASE_URL } : {}) };
}

/** Keys look like "<32 hex>-us21"; the suffix is the data center the account lives in. */
export function serverFromKey(apiKey: string): string | undefined {
  return /-([a-z]+\d+)$/i.exec(apiKey.trim())?.[1]?.toLowerCase();
}

export function resolveBasePath(config: MailchimpConfig): string {
  if (config.baseUrl !== undefined) {
    const url = new URL(config.baseUrl);
    const path = url.pathname.replace(/\/+$/, "");
    return `${url.origin}${path === "" ? "/3.0" : path}`;
  }
  const server = serverFromKey(config.apiKey);
  if (server === undefined) {
    throw new Error("MAILCHIMP_API_KEY has no data-center suffix (expected '<key>-us21'); cannot pick the API host");
  }
  return `https://${server}.api.mailchimp.com/3.0`;
}
