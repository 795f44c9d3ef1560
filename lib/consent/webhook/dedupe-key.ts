import { createHash } from "node:crypto";
import type { WebhookEvent } from "./event-schema";

/**
 * Identifies one delivery by what it means, not by its bytes: the type, the second it fired, the list, the
 * address(es) lowercased, and for campaigns the campaign id. Mailchimp's retries, and replays that differ only in
 * letter case, field order or extra fields, all get the same key and are stored once. Length prefixes keep two
 * different field sets from hashing the same bytes.
 */
export function dedupeKeyOf(event: WebhookEvent): string {
  const parts: string[] = [event.type, event.fired_at.toISOString(), event.data.list_id];
  if (event.type === "upemail") parts.push(event.data.old_email.trim().toLowerCase(), event.data.new_email.trim().toLowerCase());
  else if (event.type === "campaign") parts.push(event.data.id);
  else parts.push(event.data.email.trim().toLowerCase());
  const hash = createHash("sha256");
  for (const p of parts) hash.update(`${p.length}:${p};`);
  return `webhook:${hash.digest("hex")}`;
}
