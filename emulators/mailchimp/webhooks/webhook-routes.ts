import type { AudienceList, Webhook } from "../core/types.js";
import { checkTypes, requireFields, requireObjectBody, type Body } from "../http/body-checks.js";
import { invalidResource, notFound } from "../http/problem.js";
import { noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import { validateWebhookUrl } from "./validate-url.js";

// /lists/{list_id}/webhooks. Omitted events default to on and omitted sources to user+admin (api off),
// following the defaults of Mailchimp's webhook form.

const EVENTS = ["subscribe", "unsubscribe", "profile", "cleaned", "upemail", "campaign"];
const SOURCES = ["user", "admin", "api"];
const DEFAULT_SOURCES: Record<string, boolean> = { user: true, admin: true, api: false };

function flags(value: unknown, names: string[], field: string, fallback: (n: string) => boolean, current?: Record<string, boolean>) {
  const given = (value ?? {}) as Body;
  checkTypes(given, Object.fromEntries(names.map((n) => [n, "boolean" as const])), `${field}.`);
  return Object.fromEntries(names.map((n) => [n, typeof given[n] === "boolean" ? (given[n] as boolean) : (current?.[n] ?? fallback(n))]));
}

function view(list: AudienceList, w: Webhook, origin: string): Record<string, unknown> {
  return { id: w.id, url: w.url, events: w.events, sources: w.sources, list_id: list.id,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}/webhooks/${w.id}`, method: "GET" }] };
}

function findWebhook(ctx: RouteContext) {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const webhook = list.webhooks.get(ctx.params.webhook_id as string);
  if (!webhook) throw notFound();
  return { list, webhook };
}

async function postWebhook(ctx: RouteContext): Promise<Reply> {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const body = requireObjectBody(ctx.body);
  requireFields(body, ["url"]);
  checkTypes(body, { url: "string", events: "object", sources: "object" });
  const events = flags(body.events, EVENTS, "events", () => true);
  const sources = flags(body.sources, SOURCES, "sources", (n) => DEFAULT_SOURCES[n] ?? false);
  if ([...list.webhooks.values()].some((w) => w.url === body.url)) {
    throw invalidResource([{ field: "url", message: "A webhook with this URL already exists for this list." }]);
  }
  const url = await validateWebhookUrl(body.url, ctx.emulator.options.webhookTimeoutMs);
  const webhook: Webhook = { id: ctx.emulator.random.hex(10), url, events, sources, disabled: false };
  list.webhooks.set(webhook.id, webhook);
  return ok(view(list, webhook, ctx.emulator.apiOrigin()));
}

async function patchWebhook(ctx: RouteContext): Promise<Reply> {
  const { list, webhook } = findWebhook(ctx);
  const body = requireObjectBody(ctx.body);
  checkTypes(body, { url: "string", events: "object", sources: "object" });
  if (body.url !== undefined && body.url !== webhook.url) {
    webhook.url = await validateWebhookUrl(body.url, ctx.emulator.options.webhookTimeoutMs);
  }
  webhook.events = flags(body.events, EVENTS, "events", () => true, webhook.events);
  webhook.sources = flags(body.sources, SOURCES, "sources", () => false, webhook.sources);
  return ok(view(list, webhook, ctx.emulator.apiOrigin()));
}

function listWebhooks(ctx: RouteContext): Reply {
  const list = ctx.emulator.list(ctx.params.list_id as string);
  const origin = ctx.emulator.apiOrigin();
  const all = [...list.webhooks.values()];
  return ok({ webhooks: all.map((w) => view(list, w, origin)), list_id: list.id, total_items: all.length,
    _links: [{ rel: "self", href: `${origin}/lists/${list.id}/webhooks`, method: "GET" }] });
}

const ONE = "/lists/{list_id}/webhooks/{webhook_id}";
export const webhookRoutes: Route[] = [
  { method: "GET", template: "/lists/{list_id}/webhooks", handler: listWebhooks },
  { method: "POST", template: "/lists/{list_id}/webhooks", handler: postWebhook },
  { method: "GET", template: ONE, handler: (ctx) => { const { list, webhook } = findWebhook(ctx); return ok(view(list, webhook, ctx.emulator.apiOrigin())); } },
  { method: "PATCH", template: ONE, handler: patchWebhook },
  { method: "DELETE", template: ONE, handler: (ctx) => { const { list, webhook } = findWebhook(ctx); list.webhooks.delete(webhook.id); return noContent(); } },
];
