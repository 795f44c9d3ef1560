import type { Policy } from "@/lib/sync/policy";
import type { PlannedRecord } from "@/lib/sync/types";
import type { PartnerRow } from "./partner-row";

/** Consent is only ever read from Odoo's boolean being exactly true; anything else takes the fallback. */
export function statusIfNew(policy: Policy, partner: PartnerRow): PlannedRecord["statusIfNew"] {
  const { newMemberStatus, consentField, fallback } = policy.consent;
  if (newMemberStatus !== "subscribed_if_consented") return newMemberStatus;
  return consentField !== undefined && partner.raw[consentField] === true ? "subscribed" : fallback;
}
