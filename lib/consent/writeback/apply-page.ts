import type { OdooClient } from "@/lib/odoo";
import { applyToOdoo, type OdooWrite } from "./odoo-target";

/** What became of one write of a page: what was done, or the error that stopped it. */
export type PageOutcome = { ok: true; what: string } | { ok: false; error: unknown };

/**
 * Makes Odoo match a page of consent decisions in a few calls instead of two or three per person: for the
 * blacklist one search of every address, then at most one create (new entries) and one write per direction
 * (re-activate, archive); for an opt-out field one search and one write per value. Reading before writing keeps a
 * retry after an ambiguous failure convergent. When the page's call fails for a reason that is not transient
 * (one address Odoo refuses), the page is retried one write at a time, so only that write fails.
 */
export async function applyPageToOdoo(odoo: OdooClient, writes: OdooWrite[], isTransient: (e: unknown) => boolean): Promise<PageOutcome[]> {
  const out: PageOutcome[] = new Array(writes.length);
  const groups = new Map<string, number[]>();
  writes.forEach((w, i) => {
    const key = w.action === "set_field" ? `field:${w.target}:${w.value}` : "blacklist";
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const [key, indexes] of groups) {
    const page = indexes.map((i) => writes[i] as OdooWrite);
    try {
      const results = key === "blacklist" ? await blacklistPage(odoo, page) : await fieldPage(odoo, page);
      indexes.forEach((i, k) => (out[i] = { ok: true, what: results[k] as string }));
    } catch (error) {
      if (isTransient(error) || page.length === 1) {
        for (const i of indexes) out[i] = { ok: false, error };
        continue;
      }
      for (const i of indexes) {
        try {
          out[i] = { ok: true, what: await applyToOdoo(odoo, writes[i] as OdooWrite) };
        } catch (one) {
          out[i] = { ok: false, error: one };
        }
      }
    }
  }
  return out;
}

/** The last decision per address wins (a later unsubscribe after a re-subscribe in one page). */
async function blacklistPage(odoo: OdooClient, page: OdooWrite[]): Promise<string[]> {
  const wanted = new Map<string, boolean>();
  for (const w of page) wanted.set(w.email, w.action === "blacklist");
  const rows = await odoo.searchPage<{ id: number; email: string; active: boolean }>("mail.blacklist", {
    domain: [["email", "in", [...wanted.keys()]]],
    fields: ["id", "email", "active"],
    limit: wanted.size,
    // Archived entries are hidden by default; an archived one is re-activated rather than duplicated.
    activeTest: false,
  });
  const existing = new Map(rows.map((r) => [r.email, r]));
  const result = new Map<string, string>();
  const toCreate: string[] = [];
  const activate: number[] = [];
  const archive: number[] = [];
  for (const [email, on] of wanted) {
    const row = existing.get(email);
    if (row && row.active === on) result.set(email, on ? "already blacklisted" : "not blacklisted");
    else if (row) {
      (on ? activate : archive).push(row.id);
      result.set(email, on ? `re-activated mail.blacklist ${row.id}` : `archived mail.blacklist ${row.id}`);
    } else if (on) toCreate.push(email);
    else result.set(email, "not blacklisted");
  }
  if (activate.length > 0) await odoo.write("mail.blacklist", activate, { active: true });
  if (archive.length > 0) await odoo.write("mail.blacklist", archive, { active: false });
  if (toCreate.length > 0) {
    const ids = await odoo.create("mail.blacklist", toCreate.map((email) => ({ email })));
    toCreate.forEach((email, i) => result.set(email, `created mail.blacklist ${ids[i] ?? "?"}`));
  }
  return page.map((w) => result.get(w.email) ?? "not blacklisted");
}

/** One field, one value: every partner holding one of the addresses and not yet at that value. */
async function fieldPage(odoo: OdooClient, page: OdooWrite[]): Promise<string[]> {
  const first = page[0] as OdooWrite;
  const field = first.target.replace(/^res\.partner\./, "");
  const emails = [...new Set(page.map((w) => w.email))];
  const partners: { id: number; email_normalized: string }[] = [];
  for await (const rows of odoo.pages<{ id: number; email_normalized: string }>("res.partner", {
    domain: [["email_normalized", "in", emails], [field, "!=", first.value]],
    fields: ["email_normalized"],
    activeTest: false,
  }))
    partners.push(...rows);
  if (partners.length > 0) await odoo.write("res.partner", partners.map((p) => p.id), { [field]: first.value });
  return page.map((w) => {
    const ids = partners.filter((p) => p.email_normalized === w.email).map((p) => p.id);
    return ids.length === 0 ? `no partner to update (${field} already ${w.value} or unknown email)` : `set ${field}=${w.value} on res.partner ${ids.join(",")}`;
  });
}
