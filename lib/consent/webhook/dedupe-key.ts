import { createHash } from "node:crypto";

/**
 * Mailchimp retries a delivery with the same fields, so a hash of the sorted fields identifies the delivery.
 * Sorting makes the key independent of field order; length prefixes keep two different field sets from
 * hashing the same bytes.
 */
export function dedupeKeyOf(params: URLSearchParams): string {
  const pairs = [...params].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const hash = createHash("sha256");
  for (const [k, v] of pairs) hash.update(`${k.length}:${k}=${v.length}:${v};`);
  return `webhook:${hash.digest("hex")}`;
}
