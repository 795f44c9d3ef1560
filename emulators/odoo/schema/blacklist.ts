// mail.blacklist: the opt-out list behind res.partner.is_blacklisted. Its create is
// special in Odoo: emails are normalized (strict), an invalid one is a UserError, and
// an email already listed returns the existing row instead of failing on the unique key.
import { userError } from "../errors.js";
import type { Store } from "../store/store.js";
import { emailNormalize } from "../store/email.js";
import { activeField, char, magicFields } from "./common.js";
import type { ModelSpec, Raw } from "./types.js";

const cache = new WeakMap<Store, { version: number; active: Set<string> }>();

export function isBlacklisted(email: Raw, store: Store): boolean {
  if (typeof email !== "string") return false;
  const table = store.table("mail.blacklist");
  let hit = cache.get(store);
  if (!hit || hit.version !== table.version) {
    const active = new Set<string>();
    for (const r of table.rows) if (r.active && typeof r.email === "string") active.add(r.email);
    hit = { version: table.version, active };
    cache.set(store, hit);
  }
  return hit.active.has(email);
}

export const blacklistSpec: ModelSpec = {
  name: "mail.blacklist",
  description: "Mail Blacklist",
  order: "id desc",
  recName: "email",
  fields: {
    ...magicFields("mail.blacklist"),
    email: char("Email Address", { required: true }),
    active: activeField(),
  },
  normalizeVals: (vals) => {
    if ("email" in vals) vals.email = emailNormalize(vals.email, true);
  },
  createOverride: (valsList, store, create) => {
    const table = store.table("mail.blacklist");
    const ids: number[] = [];
    const seen = new Set<string>();
    for (const vals of valsList) {
      const email = emailNormalize(vals.email, true);
      if (!email) throw userError(`Invalid email address ${pyRepr(vals.email)}`);
      if (seen.has(email)) continue;
      seen.add(email);
      const existing = table.rows.find((r) => r.email === email);
      ids.push(existing ? existing.id : create({ ...vals, email }));
    }
    return ids;
  },
};

function pyRepr(v: Raw): string {
  if (typeof v === "string") return `'${v}'`;
  if (v === undefined || v === null) return "None";
  return v === false ? "False" : String(v);
}
