import { invalidResource } from "../http/problem.js";

// Mailchimp checks a webhook URL with a GET before saving it; anything but a 2xx answer refuses the webhook.

export async function validateWebhookUrl(url: unknown, timeoutMs: number): Promise<string> {
  if (typeof url !== "string" || !/^https?:\/\/[^\s]+$/i.test(url)) {
    throw invalidResource([{ field: "url", message: "This value should be a valid URL." }]);
  }
  let status: number | null = null;
  try {
    const res = await fetch(url, { method: "GET", headers: { "user-agent": "MailChimp.com WebHook Validator" }, signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    status = res.status;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
  }
  if (status === null || status < 200 || status >= 300) {
    throw invalidResource([{ field: "url", message: `The URL could not be validated: the GET request ${status === null ? "failed" : `returned ${status}`}.` }]);
  }
  return url;
}
