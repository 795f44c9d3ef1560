import { invalidResource, type FieldError } from "./problem.js";

// Minimal request-body type checks with Mailchimp's wording ("Schema describes string, integer found instead").

export type Body = Record<string, unknown>;
type Kind = "string" | "boolean" | "number" | "integer" | "object" | "array";

function kindOf(value: unknown): string {
  if (value === null) return "NULL";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function requireObjectBody(value: unknown): Body {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw invalidResource([{ field: "", message: `Schema describes object, ${kindOf(value)} found instead` }]);
  }
  return value as Body;
}

export function requireFields(body: Body, names: string[], prefix = ""): void {
  const missing = names.filter((n) => body[n] === undefined || body[n] === null);
  if (missing.length > 0) {
    throw invalidResource([
      { field: "", message: `Required fields were not provided: ${missing.map((m) => prefix + m).join(", ")}` },
    ]);
  }
}

export function checkTypes(body: Body, kinds: Record<string, Kind>, prefix = ""): void {
  const errors: FieldError[] = [];
  for (const [name, kind] of Object.entries(kinds)) {
    const value = body[name];
    if (value === undefined) continue;
    const found = kindOf(value);
    const ok = found === kind || (kind === "number" && found === "integer");
    if (!ok) errors.push({ field: prefix + name, message: `Schema describes ${kind}, ${found} found instead` });
  }
  if (errors.length > 0) throw invalidResource(errors);
}

export function checkEnum(body: Body, name: string, allowed: readonly string[]): void {
  const value = body[name];
  if (value === undefined) return;
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw invalidResource([
      { field: name, message: `Data presented is not one of the accepted values: ${allowed.join(", ")}.` },
    ]);
  }
}
