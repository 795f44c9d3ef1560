import type { AudienceList, Member } from "../core/types.js";

// Renders a member the way GET /lists/{id}/members/{hash} returns it.

export function memberView(list: AudienceList, member: Member, apiOrigin: string): Record<string, unknown> {
  const merge_fields: Record<string, unknown> = {};
  for (const field of list.mergeFields) merge_fields[field.tag] = member.merge_fields[field.tag] ?? "";
  const tags = [...member.tags.values()].map((t) => ({ id: t.id, name: t.name }));
  const view: Record<string, unknown> = {
    id: member.hash,
    email_address: member.email_address,
    unique_email_id: member.unique_email_id,
    contact_id: member.contact_id,
    full_name: [member.merge_fields.FNAME, member.merge_fields.LNAME].filter((v) => typeof v === "string" && v !== "").join(" "),
    web_id: member.web_id,
    email_type: member.email_type,
    status: member.status,
  };
  // Mailchimp only carries unsubscribe_reason on unsubscribed members.
  if (member.status === "unsubscribed") view.unsubscribe_reason = member.unsubscribe_reason;
  Object.assign(view, {
    consents_to_one_to_one_messaging: true,
    merge_fields,
    interests: member.interests,
    stats: { avg_open_rate: 0, avg_click_rate: 0 },
    ip_signup: member.ip_signup,
    timestamp_signup: member.timestamp_signup,
    ip_opt: member.ip_opt,
    timestamp_opt: member.timestamp_opt,
    member_rating: member.member_rating,
    last_changed: member.last_changed,
    language: member.language,
    vip: member.vip,
    email_client: "",
    location: { latitude: 0, longitude: 0, gmtoff: 0, dstoff: 0, country_code: "", timezone: "", region: "" },
    source: member.source,
    tags_count: tags.length,
    tags,
    list_id: member.list_id,
    _links: [
      { rel: "self", href: `${apiOrigin}/lists/${list.id}/members/${member.hash}`, method: "GET" },
      { rel: "parent", href: `${apiOrigin}/lists/${list.id}/members`, method: "GET" },
    ],
  });
  return view;
}
