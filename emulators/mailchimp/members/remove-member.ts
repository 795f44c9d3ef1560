import type { Emulator } from "../core/emulator.js";
import type { AudienceList, Member, Source } from "../core/types.js";
import { unsubscribeEvent } from "../webhooks/payloads.js";
import { touch } from "./member-store.js";

// Archive keeps the contact (and its consent history); delete-permanent forgets the person for good.

export function archiveMember(emulator: Emulator, list: AudienceList, member: Member, source: Source): void {
  if (member.status === "archived") return;
  member.statusBeforeArchive = member.status;
  member.status = "archived";
  touch(emulator, list, member);
  emulator.webhooks.fire(list, unsubscribeEvent(member, source, "delete", "manual"));
}

export function forgetMember(emulator: Emulator, list: AudienceList, member: Member, source: Source): void {
  list.members.delete(member.hash);
  list.forgotten.add(member.hash);
  for (const segment of list.segments.values()) segment.members.delete(member.hash);
  emulator.webhooks.fire(list, unsubscribeEvent(member, source, "delete", "manual"));
}
