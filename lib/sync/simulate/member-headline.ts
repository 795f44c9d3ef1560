import type { GroupOutcome } from "@/lib/sync/plan/plan-group";
import type { ExplainStep, PartnerExplanation } from "./types";

/** Words for what the planner does with the (audience, email) a routed partner lands in. */
export function memberHeadline(
  group: GroupOutcome & { partnerIds: number[] },
  partnerId: number,
  audienceId: string,
  ruleName: string | null,
  statusIfNew: string,
): { verdict: PartnerExplanation["verdict"]; headline: string; step: ExplainStep } {
  const by = ruleName ? ` by ${ruleName}` : "";
  const others = group.partnerIds.filter((id) => id !== partnerId);
  const merged = group.kind !== "duplicate" && others.length > 0
    ? group.partnerIds[0] === partnerId
      ? ` One member for partners ${group.partnerIds.join(", ")} (this one's data is sent).`
      : ` Merged into partner ${group.partnerIds[0]}'s member (its data is sent).`
    : "";
  const say = (verdict: PartnerExplanation["verdict"], headline: string, ok: boolean, text: string) => ({ verdict, headline: headline + merged, step: { step: "mailchimp" as const, ok, text: text + merged } });
  switch (group.kind) {
    case "subscribe_new":
      return say("reaches_mailchimp", `Reaches Mailchimp: audience ${audienceId}${by}, added as a new ${statusIfNew} member.`, true, "Not in Mailchimp yet: the next run adds it.");
    case "upsert_existing":
      return say("reaches_mailchimp", `Reaches Mailchimp: audience ${audienceId}${by}, its member updated.`, true, "Already a member, and Odoo's data changed: the next run updates it (never its subscription status).");
    case "unchanged":
      return say("reaches_mailchimp", `Reaches Mailchimp: audience ${audienceId}${by}, already up to date.`, true, "Already a member with exactly this data: nothing to send.");
    case "duplicate":
      return say("exception", `Exception duplicate_email: partners ${group.partnerIds.join(", ")} of different customers share this address in audience ${audienceId}; nothing is sent for it.`, false, "The same address belongs to several customers: an exception for ops, never a guess.");
    case "moved":
      return say("exception", `Not written: the member changed its address in Mailchimp (audience ${audienceId}); writing here would re-create it.`, false, "An email_changed_in_mailchimp exception waits for ops.");
    case "refused":
      return say("exception", `Not sent again: Mailchimp refused exactly this data for good (audience ${audienceId}).`, false, "A changed payload would be sent again.");
  }
}
