import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level (arrays keep their order), so equal payloads always hash
 * equal whatever order the code built them in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The PlannedRecord.hash of a payload. */
export function payloadHash(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}
