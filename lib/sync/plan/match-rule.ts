import type { PartnerRule } from "@/lib/sync/policy";
import { isTagRule } from "@/lib/sync/policy/rule-schema";
import type { PartnerRow } from "./partner-row";

type Atom = string | number | boolean;

/**
 * Odoo values as the atoms a rule compares: a many2one matches by id or by name, an x2many by any id,
 * `false` is both the boolean false and "empty" (Odoo cannot tell them apart either).
 */
function atoms(value: unknown): Atom[] {
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === "number" && typeof value[1] === "string") return [value[0], value[1]];
    return value.filter((v): v is Atom => typeof v === "number" || typeof v === "string");
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return [value];
  return [];
}

function isEmpty(value: unknown): boolean {
  return value === false || value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

function equal(a: Atom, b: Atom): boolean {
  return typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Tag names are compared case-insensitively: "VIP" and "vip" are the same tag to people. */
export function matchRule(rule: PartnerRule, partner: PartnerRow, tagNames: string[]): boolean {
  if (isTagRule(rule)) return tagNames.includes(rule.tag.toLowerCase());
  const value = partner.raw[rule.field];
  const have = atoms(value);
  const hit = (v: Atom) => have.some((h) => equal(h, v));
  switch (rule.operator) {
    case "set":
      return !isEmpty(value);
    case "unset":
      return isEmpty(value);
    case "=":
      return rule.value !== undefined && !Array.isArray(rule.value) && hit(rule.value);
    case "!=":
      return !(rule.value !== undefined && !Array.isArray(rule.value) && hit(rule.value));
    case "in":
      return Array.isArray(rule.value) && rule.value.some(hit);
    case "not in":
      return !(Array.isArray(rule.value) && rule.value.some(hit));
  }
}
