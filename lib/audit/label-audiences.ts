import type { Policy } from "@/lib/sync/policy";

export type AudienceLabel = (audienceId: string | null) => string;

/**
 * Audience ids mean nothing to people: an audience is named by the routing rules that send contacts to it, as the
 * console names it (lib/console/audience-names.ts), with no Mailchimp call. The id stays in each finding's facts.
 */
export function labelAudiences(policy: Policy): AudienceLabel {
  const names = new Map<string, string[]>();
  for (const rule of policy.routing.rules) names.set(rule.audienceId, [...(names.get(rule.audienceId) ?? []), rule.name]);
  return (id) => (id === null ? "no audience" : names.has(id) ? `${names.get(id)!.join(" · ")} audience` : `audience ${id}`);
}
