import { getPrisma } from "@/lib/db/client";
import { getActivePolicy } from "@/lib/sync/policy";

/**
 * Mailchimp audience ids mean nothing to people: label each with the names of the policy's routing rules
 * that send contacts to it (Bridgeline makes no Mailchimp call just to render a page).
 */
export async function audienceNames(): Promise<Map<string, string>> {
  const active = await getActivePolicy(getPrisma());
  const names = new Map<string, string[]>();
  for (const rule of active?.policy.routing.rules ?? []) {
    names.set(rule.audienceId, [...(names.get(rule.audienceId) ?? []), rule.name]);
  }
  return new Map([...names].map(([id, list]) => [id, list.join(" · ")]));
}
