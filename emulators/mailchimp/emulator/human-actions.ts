import type { Emulator } from "../core/emulator.js";
import { hashFromPathSegment, subscriberHash } from "../core/hash.js";
import type { AudienceList, Member } from "../core/types.js";
import { ApiProblem, notFound } from "../http/problem.js";
import { assertRealEmail } from "../members/email-rules.js";
import { renameMember, setStatus, touch } from "../members/member-store.js";
import { normalizeMergeValue } from "../members/merge-normalize.js";
import { writeMember } from "../members/write-member.js";
import { cleanedEvent, profileEvent, subscribeEvent, unsubscribeEvent, upemailEvent } from "../webhooks/payloads.js";

// What people do outside the API: a contact unsubscribes, bounces, changes address or profile, re-joins;
// an admin edits a contact in the Mailchimp UI. Each fires the webhooks a real audience would, with its source.

type Body = Record<string, unknown>;
export type HumanAction = "unsubscribe" | "bounce" | "upemail" | "profile" | "resubscribe" | "admin";

export function runHumanAction(emulator: Emulator, list: AudienceList, hashOrEmail: string, action: HumanAction, body: Body): Member {
  const member = list.members.get(hashFromPathSegment(hashOrEmail));
  if (!member) throw notFound();
  const campaignId = typeof body.campaign_id === "string" ? body.campaign_id : "";
  const fire = (e: Parameters<typeof emulator.webhooks.fire>[1]): void => emulator.webhooks.fire(list, e);
  switch (action) {
    case "unsubscribe":
      setStatus(emulator, member, "unsubscribed", campaignId ? "N/A (Unsubscribed from campaign)" : "N/A (Unsubscribed by the contact)");
      touch(emulator, list, member);
      fire(unsubscribeEvent(member, "user", "unsub", body.reason === "abuse" ? "abuse" : "manual", campaignId));
      return member;
    case "bounce":
      setStatus(emulator, member, "cleaned", "");
      touch(emulator, list, member);
      fire(cleanedEvent(member, ["user", "admin"], body.reason === "abuse" ? "abuse" : "hard", campaignId));
      return member;
    case "upemail": {
      const oldEmail = member.email_address;
      const newEmail = assertRealEmail(body.new_email);
      if (list.members.has(subscriberHash(newEmail))) throw new ApiProblem(400, "Member Exists", `${newEmail} is already a list member.`);
      renameMember(list, member, subscriberHash(newEmail));
      member.email_address = newEmail;
      touch(emulator, list, member);
      fire(upemailEvent(list.id, oldEmail, member, "user"));
      return member;
    }
    case "profile": {
      const merges = (body.merge_fields ?? {}) as Body;
      for (const [tag, value] of Object.entries(merges)) {
        const field = list.mergeFields.find((f) => f.tag === tag);
        if (field) member.merge_fields[tag] = normalizeMergeValue(field, value);
      }
      touch(emulator, list, member);
      fire(profileEvent(member, "user"));
      return member;
    }
    case "resubscribe":
      // The person themselves confirms: the only way an unsubscribed contact legitimately returns.
      setStatus(emulator, member, "subscribed", "");
      touch(emulator, list, member);
      fire(subscribeEvent(member, "user"));
      return member;
    case "admin":
      return writeMember(emulator, list, body, { mode: "patch", pathHash: member.hash, skipMergeValidation: false, source: "admin" }).member;
  }
}

// A signup through a hosted form: creates or re-subscribes the contact with source "user".
export function runSignup(emulator: Emulator, list: AudienceList, body: Body): Member {
  const email = assertRealEmail(body.email_address);
  const existing = list.members.get(subscriberHash(email));
  if (existing) return runHumanAction(emulator, list, existing.hash, "resubscribe", body);
  list.forgotten.delete(subscriberHash(email));
  const { member } = writeMember(emulator, list, { email_address: email, status_if_new: "subscribed", merge_fields: body.merge_fields ?? {} },
    { mode: "put", pathHash: null, skipMergeValidation: true, source: "user", memberSource: "Hosted Signup Form" });
  return member;
}
