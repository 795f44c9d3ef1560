import type { AudienceList } from "../core/types.js";

// Subscriber_List as Mailchimp renders it; counters are computed from the members on each read.

export function listView(list: AudienceList, apiOrigin: string): Record<string, unknown> {
  const counts = { subscribed: 0, unsubscribed: 0, cleaned: 0, total: 0 };
  for (const m of list.members.values()) {
    if (m.status === "archived") continue;
    counts.total += 1;
    if (m.status === "subscribed" || m.status === "unsubscribed" || m.status === "cleaned") counts[m.status] += 1;
  }
  return {
    id: list.id,
    web_id: list.web_id,
    ...list.settings,
    date_created: list.date_created,
    list_rating: 0,
    subscribe_url_short: `http://eepurl.com/${list.id.slice(0, 6)}`,
    subscribe_url_long: `https://bridgeline.us21.list-manage.com/subscribe?u=0&id=${list.id}`,
    beamer_address: `us21-${list.id}@inbound.mailchimp.com`,
    visibility: "prv",
    has_welcome: false,
    modules: [],
    stats: {
      member_count: counts.subscribed,
      total_contacts: counts.total,
      unsubscribe_count: counts.unsubscribed,
      cleaned_count: counts.cleaned,
      member_count_since_send: counts.subscribed,
      unsubscribe_count_since_send: counts.unsubscribed,
      cleaned_count_since_send: counts.cleaned,
      campaign_count: 0,
      campaign_last_sent: "",
      merge_field_count: list.mergeFields.length,
      avg_sub_rate: 0,
      avg_unsub_rate: 0,
      target_sub_rate: 0,
      open_rate: 0,
      click_rate: 0,
      last_sub_date: "",
      last_unsub_date: "",
    },
    _links: [{ rel: "self", href: `${apiOrigin}/lists/${list.id}`, method: "GET" }],
  };
}
