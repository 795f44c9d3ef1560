import type { OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import { PlanError } from "./plan-error";
import { consentFieldOf, MOVE_FIELDS, ORDER_FIELDS, partnerFields } from "./required-fields";

/**
 * Asks Odoo which fields exist before reading anything: a mapped field that vanished (a custom consent field
 * removed, `mobile` after an upgrade to 19) would otherwise make every read fail, or worse, silently read as
 * empty and flip everyone's status or tags.
 */
export async function checkFields(odoo: OdooClient, policy: Policy): Promise<void> {
  const wanted: Record<string, string[]> = {
    "res.partner": partnerFields(policy),
    "sale.order": ORDER_FIELDS,
    "account.move": MOVE_FIELDS,
  };
  const missing: string[] = [];
  let consentType: string | undefined;
  const consent = consentFieldOf(policy);
  for (const [model, fields] of Object.entries(wanted)) {
    const meta = await odoo.fieldsGet(model, ["type"]);
    for (const f of fields) if (!(f in meta)) missing.push(`${model}.${f}`);
    if (model === "res.partner" && consent) consentType = meta[consent]?.type;
  }
  if (missing.length > 0)
    throw new PlanError("field_missing", missing, `Odoo has no field ${missing.join(", ")}: update the policy (or Odoo) before syncing.`);
  if (consent && consentType !== "boolean")
    throw new PlanError("field_not_boolean", [`res.partner.${consent}`], `Consent field res.partner.${consent} is ${consentType}, not boolean.`);
}
