import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { OdooClient } from "@/lib/odoo";
import type { Policy } from "@/lib/sync/policy";
import type { AlertCondition } from "../types";
import { compareOdooSchema, type FieldsMeta } from "./compare-odoo-schema";
import { expectedOdooFields } from "./expected-odoo-schema";

/** The labels of the fields last seen healthy: a field that vanishes while its label lives on was renamed. */
const LABELS_KEY = "alerts.odoo-field-labels";

/**
 * fields_get on every model the engine reads (one call each), compared with what the policy and the planner
 * expect. Remembers the labels of a healthy schema so the next check can tell a rename from a removal.
 */
export async function diagnoseOdoo(prisma: PrismaClient, odoo: OdooClient, policy: Policy): Promise<AlertCondition[]> {
  const expected = expectedOdooFields(policy);
  const actual: Record<string, FieldsMeta> = {};
  for (const model of new Set(expected.map((e) => e.model))) actual[model] = await odoo.fieldsGet(model, ["type", "string", "selection"]);
  const stored = await prisma.syncCursor.findUnique({ where: { key: LABELS_KEY } });
  const labels = stored ? (JSON.parse(stored.value) as Record<string, string>) : {};
  const found = compareOdooSchema(expected, actual, labels);
  const next = { ...labels };
  for (const e of expected) {
    const label = actual[e.model]?.[e.field]?.string;
    if (label) next[`${e.model}.${e.field}`] = label;
  }
  const value = JSON.stringify(next);
  await prisma.syncCursor.upsert({ where: { key: LABELS_KEY }, create: { key: LABELS_KEY, value }, update: { value } });
  return found;
}
