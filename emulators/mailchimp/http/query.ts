import { invalidResource } from "./problem.js";
import { parseIsoParam } from "../core/time.js";

// Typed readers for query parameters; malformed values are 400s, never ignored.

export function queryBool(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw === null || raw === "" || raw === "false" || raw === "0") return false;
  if (raw === "true" || raw === "1") return true;
  throw invalidResource([{ field: name, message: "Schema describes boolean, string found instead" }]);
}

export function queryTime(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw === "") return null;
  const ms = parseIsoParam(raw);
  if (ms === null) {
    throw invalidResource([{ field: name, message: "Please enter a valid ISO 8601 date, e.g. 2015-10-21T15:41:36+00:00." }]);
  }
  return ms;
}

export function queryEnum<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | null {
  const raw = query.get(name);
  if (raw === null || raw === "") return null;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw invalidResource([{ field: name, message: `Data presented is not one of the accepted values: ${allowed.join(", ")}.` }]);
  }
  return raw as T;
}
