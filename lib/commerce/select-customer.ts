import type { MemberRef } from "./types";

/**
 * Who an order belongs to in Mailchimp. An order has one customer (a copy to several contacts would count its
 * revenue twice), and only a person the member sync wrote can be one, so the policy's contact selection
 * (hierarchy, exclusions, staff addresses, duplicates) applies unchanged. First the order's own partner when it
 * is a member; else the commercial partner; else the family's member with the lowest partner id. null when the
 * family has no member (the order is skipped and counted, never sent to someone the policy left out).
 */
export function selectCustomer(
  partnerId: number,
  commercialId: number,
  family: readonly number[],
  memberOf: (partnerId: number) => MemberRef | undefined,
): MemberRef | null {
  const own = memberOf(partnerId) ?? memberOf(commercialId);
  if (own) return own;
  for (const id of [...family].sort((a, b) => a - b)) {
    const member = memberOf(id);
    if (member) return member;
  }
  return null;
}

/** partner id -> the member carrying it; the first audience wins for a partner in several (routing picks one). */
export function indexMembers(members: Iterable<MemberRef>): Map<number, MemberRef> {
  const byPartner = new Map<number, MemberRef>();
  for (const m of members) for (const id of m.partnerIds) if (!byPartner.has(id)) byPartner.set(id, m);
  return byPartner;
}
