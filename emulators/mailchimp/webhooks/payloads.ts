import type { Member, Source } from "../core/types.js";

// Builders for the form fields Mailchimp documents per event type (data[...] keys, flattened merges).

export type EventType = "subscribe" | "unsubscribe" | "profile" | "cleaned" | "upemail" | "campaign";

export interface WebhookEvent {
  type: EventType;
  // The event is delivered to webhooks that ticked any of these sources.
  sources: Source[];
  data: Array<[string, string]>;
}

function merges(member: Member): Array<[string, string]> {
  const out: Array<[string, string]> = [["data[merges][EMAIL]", member.email_address]];
  for (const [tag, value] of Object.entries(member.merge_fields)) {
    if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.push([`data[merges][${tag}][${k}]`, String(v ?? "")]);
    } else out.push([`data[merges][${tag}]`, String(value ?? "")]);
  }
  return out;
}

function identity(member: Member): Array<[string, string]> {
  return [
    ["data[id]", member.unique_email_id],
    ["data[list_id]", member.list_id],
    ["data[email]", member.email_address],
    ["data[email_type]", member.email_type],
    ["data[web_id]", String(member.web_id)],
  ];
}

export function subscribeEvent(member: Member, source: Source): WebhookEvent {
  const data = [...identity(member), ["data[ip_opt]", member.ip_opt], ["data[ip_signup]", member.ip_signup], ...merges(member)] as Array<[string, string]>;
  return { type: "subscribe", sources: [source], data };
}

export function unsubscribeEvent(
  member: Member,
  source: Source,
  action: "unsub" | "delete",
  reason: "manual" | "abuse",
  campaignId = "",
): WebhookEvent {
  const data = [
    ["data[action]", action],
    ["data[reason]", reason],
    ...identity(member),
    ["data[ip_opt]", member.ip_opt],
    ["data[campaign_id]", campaignId],
    ...merges(member),
  ] as Array<[string, string]>;
  return { type: "unsubscribe", sources: [source], data };
}

export function profileEvent(member: Member, source: Source): WebhookEvent {
  const data = [...identity(member), ["data[ip_opt]", member.ip_opt], ...merges(member)] as Array<[string, string]>;
  return { type: "profile", sources: [source], data };
}

export function upemailEvent(listId: string, oldEmail: string, member: Member, source: Source): WebhookEvent {
  const data: Array<[string, string]> = [
    ["data[list_id]", listId],
    ["data[new_id]", member.unique_email_id],
    ["data[new_email]", member.email_address],
    ["data[old_email]", oldEmail],
  ];
  return { type: "upemail", sources: [source], data };
}

// A bounce is neither the subscriber nor an admin acting; it reaches any webhook that listens to user or admin.
export function cleanedEvent(member: Member, sources: Source[], reason: "hard" | "abuse", campaignId = ""): WebhookEvent {
  const data: Array<[string, string]> = [
    ["data[list_id]", member.list_id],
    ["data[campaign_id]", campaignId],
    ["data[reason]", reason],
    ["data[email]", member.email_address],
  ];
  return { type: "cleaned", sources, data };
}
