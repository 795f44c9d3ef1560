import type { OdooClient } from "@/lib/odoo";

export interface OdooWrite {
  email: string;
  action: "blacklist" | "unblacklist" | "set_field";
  target: string;
  value: boolean;
}

/**
 * Makes Odoo match one consent decision, reading before writing so a retry after an ambiguous failure (the
 * create may have happened) converges instead of duplicating. Returns what it did, for the record.
 */
export async function applyToOdoo(odoo: OdooClient, write: OdooWrite): Promise<string> {
  if (write.action === "set_field") return setPartnerField(odoo, write);
  const [row] = await odoo.searchPage<{ id: number; active: boolean }>("mail.blacklist", {
    domain: [["email", "=", write.email]],
    fields: ["id", "active"],
    limit: 1,
    // Archived entries are hidden by default; an archived one is re-activated rather than duplicated.
    activeTest: false,
  });
  const wanted = write.action === "blacklist";
  if (row && row.active === wanted) return wanted ? "already blacklisted" : "not blacklisted";
  if (row) {
    await odoo.write("mail.blacklist", [row.id], { active: wanted });
    return wanted ? `re-activated mail.blacklist ${row.id}` : `archived mail.blacklist ${row.id}`;
  }
  if (!wanted) return "not blacklisted";
  const [id] = await odoo.create("mail.blacklist", [{ email: write.email }]);
  return `created mail.blacklist ${id ?? "?"}`;
}

async function setPartnerField(odoo: OdooClient, write: OdooWrite): Promise<string> {
  const field = write.target.replace(/^res\.partner\./, "");
  const partners = await odoo.searchPage<{ id: number }>("res.partner", {
    domain: [["email_normalized", "=", write.email], [field, "!=", write.value]],
    fields: ["id"],
    limit: 200,
    activeTest: false,
  });
  if (partners.length === 0) return `no partner to update (${field} already ${write.value} or unknown email)`;
  const ids = partners.map((p) => p.id);
  await odoo.write("res.partner", ids, { [field]: write.value });
  return `set ${field}=${write.value} on res.partner ${ids.join(",")}`;
}
