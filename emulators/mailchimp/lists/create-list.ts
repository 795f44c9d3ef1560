import type { Emulator } from "../core/emulator.js";
import { mailchimpTime } from "../core/time.js";
import type { AudienceList, MergeField } from "../core/types.js";

// A new audience comes with Mailchimp's default merge fields, FNAME through BIRTHDAY.

const DEFAULT_FIELDS: Array<Pick<MergeField, "tag" | "name" | "type" | "options">> = [
  { tag: "FNAME", name: "First Name", type: "text", options: { size: 25 } },
  { tag: "LNAME", name: "Last Name", type: "text", options: { size: 25 } },
  { tag: "ADDRESS", name: "Address", type: "address", options: { default_country: 164 } },
  { tag: "PHONE", name: "Phone Number", type: "phone", options: { phone_format: "none" } },
  { tag: "BIRTHDAY", name: "Birthday", type: "birthday", options: { date_format: "MM/DD" } },
];

export function createList(emulator: Emulator, settings: Record<string, unknown>, id?: string): AudienceList {
  const list: AudienceList = {
    id: id ?? emulator.random.hex(10),
    web_id: emulator.nextId(),
    settings,
    date_created: mailchimpTime(emulator.now()),
    members: new Map(),
    forgotten: new Set(),
    mergeFields: [],
    nextMergeId: 1,
    tagIds: new Map(),
    segments: new Map(),
    webhooks: new Map(),
  };
  for (const field of DEFAULT_FIELDS) {
    list.mergeFields.push({
      ...field,
      merge_id: list.nextMergeId++,
      required: false,
      default_value: "",
      public: false,
      display_order: list.nextMergeId,
      help_text: "",
    });
  }
  emulator.account.lists.set(list.id, list);
  return list;
}

export function demoListSettings(name: string): Record<string, unknown> {
  return {
    name,
    contact: { company: "Bridgeline Demo", address1: "1 Main St", address2: "", city: "Atlanta", state: "GA", zip: "30308", country: "US", phone: "" },
    permission_reminder: "You signed up on our website.",
    use_archive_bar: true,
    campaign_defaults: { from_name: "Bridgeline", from_email: "hello@bridgeline.dev", subject: "", language: "en" },
    notify_on_subscribe: "",
    notify_on_unsubscribe: "",
    email_type_option: false,
    double_optin: false,
    marketing_permissions: false,
  };
}
