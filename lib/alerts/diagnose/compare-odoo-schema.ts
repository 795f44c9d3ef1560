import type { AlertCondition } from "../types";
import type { ExpectedField } from "./expected-odoo-schema";

export type FieldsMeta = Record<string, { type?: string; string?: string; selection?: unknown }>;

/**
 * Odoo's fields_get answer against what the engine expects: a field gone (removed, or renamed: a field of the
 * same label appearing under another name is named), a type changed, a selection value the engine does not know,
 * or one it relies on gone. Every finding is an odoo_schema_drift alert on "model.field", naming what to do.
 */
export function compareOdooSchema(expected: ExpectedField[], actual: Record<string, FieldsMeta>, labels: Record<string, string> = {}): AlertCondition[] {
  const out: AlertCondition[] = [];
  for (const e of expected) {
    const meta = actual[e.model] ?? {};
    const name = `${e.model}.${e.field}`;
    const f = meta[e.field];
    const base = { kind: "odoo_schema_drift" as const, subject: name, facts: { model: e.model, field: e.field, usedFor: e.usedFor } };
    if (!f) {
      const label = labels[name];
      const renamed = label ? Object.entries(meta).find(([, m]) => m.string === label)?.[0] : undefined;
      out.push({
        ...base,
        title: renamed ? `Odoo field ${name} was renamed to ${renamed}` : `Odoo field ${name} is gone`,
        message: `${name} (used for ${e.usedFor}) no longer exists in Odoo${renamed ? `; a field labelled "${label}" now exists as ${e.model}.${renamed}` : ""}. Syncing would fail or read it as empty.`,
        action: renamed
          ? `Point the policy at ${renamed} (Settings → Policy) or restore ${e.field} in Odoo; runs stay stopped until then.`
          : `Restore the field in Odoo, or remove it from the policy (Settings → Policy) if it was dropped on purpose; runs stay stopped until then.`,
        facts: { ...base.facts, problem: renamed ? "renamed" : "missing", ...(renamed ? { renamedTo: renamed } : {}) },
      });
      continue;
    }
    if (e.types && f.type && !e.types.includes(f.type)) {
      out.push({
        ...base, title: `Odoo field ${name} changed type to ${f.type}`,
        message: `${name} (used for ${e.usedFor}) is now ${f.type}; the engine reads it as ${e.types.join(" or ")}, so its values would be misread.`,
        action: `Change the field back in Odoo, or map another field of type ${e.types[0]} in the policy; runs stay stopped until then.`,
        facts: { ...base.facts, problem: "type_changed", type: f.type, expected: e.types },
      });
      continue;
    }
    if (!e.known) continue;
    const values = selectionValues(f.selection);
    const added = values.filter((v) => !e.known?.includes(v));
    const lost = (e.relied ?? []).filter((v) => !values.includes(v));
    if (added.length > 0) {
      out.push({
        ...base, title: `New value ${added.map((v) => `"${v}"`).join(", ")} in Odoo's ${name}`,
        message: `${name} (used for ${e.usedFor}) now offers ${added.join(", ")}, which the engine does not know: records with it would be classified silently as something else.`,
        action: `Decide how records with ${added.join(", ")} should be treated and have the engine taught it (or remove the value in Odoo); runs stay stopped until then.`,
        facts: { ...base.facts, problem: "selection_added", added },
      });
    } else if (lost.length > 0) {
      out.push({
        ...base, title: `Value ${lost.map((v) => `"${v}"`).join(", ")} gone from Odoo's ${name}`,
        message: `${name} (used for ${e.usedFor}) no longer offers ${lost.join(", ")}, which the engine relies on: nobody would match.`,
        action: "Restore the value in Odoo or have the engine taught the replacement; runs stay stopped until then.",
        facts: { ...base.facts, problem: "selection_removed", removed: lost },
      });
    }
  }
  return out;
}

function selectionValues(selection: unknown): string[] {
  if (!Array.isArray(selection)) return [];
  return selection.map((s) => (Array.isArray(s) ? String(s[0]) : String(s)));
}
