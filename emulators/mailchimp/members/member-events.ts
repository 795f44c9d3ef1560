import type { Emulator } from "../core/emulator.js";
import type { AudienceList, Member, MemberStatus, Source } from "../core/types.js";
import { cleanedEvent, profileEvent, subscribeEvent, unsubscribeEvent, upemailEvent } from "../webhooks/payloads.js";

// Turns a before/after pair of one member into the webhook events a real audience would emit.

export interface MemberSnapshot {
  status: MemberStatus;
  email: string;
  merges: string;
}

export function snapshotForEvents(member: Member): MemberSnapshot {
  return { status: member.status, email: member.email_address, merges: JSON.stringify(member.merge_fields) };
}

export function fireMemberEvents(
  emulator: Emulator, list: AudienceList, before: MemberSnapshot | null, member: Member, source: Source, campaignId = "",
): void {
  if (list.webhooks.size === 0) return;
  const fire = emulator.webhooks.fire.bind(emulator.webhooks, list);
  if (before && before.email.toLowerCase() !== member.email_address.toLowerCase()) {
    fire(upemailEvent(list.id, before.email, member, source));
  }
  const statusChanged = !before || before.status !== member.status;
  if (statusChanged && member.status === "subscribed") fire(subscribeEvent(member, source));
  else if (statusChanged && member.status === "unsubscribed" && before) fire(unsubscribeEvent(member, source, "unsub", "manual", campaignId));
  else if (statusChanged && member.status === "cleaned" && before) fire(cleanedEvent(member, [source], "hard", campaignId));
  else if (before && before.merges !== JSON.stringify(member.merge_fields)) fire(profileEvent(member, source));
}
