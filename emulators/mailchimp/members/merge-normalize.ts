import type { MergeField } from "../core/types.js";

// Mailchimp stores number merge fields as numbers and addresses as full objects; echo that back.

export function normalizeMergeValue(field: MergeField | undefined, value: unknown): unknown {
  if (value === null || value === undefined || value === "") return "";
  if (field?.type === "number") return Number(value);
  if (field?.type === "address" && typeof value === "object") {
    const a = value as Record<string, unknown>;
    return { addr1: a.addr1 ?? "", addr2: a.addr2 ?? "", city: a.city ?? "", state: a.state ?? "", zip: a.zip ?? "", country: a.country ?? "US" };
  }
  return typeof value === "string" ? value : String(value);
}
