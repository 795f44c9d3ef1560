import { Debug as ClientDebug } from "@prisma/client/runtime/client";
import { Debug as AdapterDebug } from "@prisma/driver-adapter-utils";

/**
 * Prisma keeps the arguments of its last 100 debug calls in memory even when DEBUG is off (for crash reports):
 * the client one copy of every raw statement with its parameters serialised, the pg adapter another with the
 * parsed parameters. The planner's statements carry a page of candidates or a batch of records each, so those
 * two histories held 18 MB after reading 100k partners and 34 MB after comparing: most of the live heap, which
 * V8 multiplies (up to 4x) when sizing the old generation. Neither history can be emptied from outside, so
 * after a bulk statement we push this many one-character entries through both, which shifts the big ones out.
 */
export const PRISMA_DEBUG_HISTORY = 100;

const NAMESPACE = "bridgeline:planner";
const client = ClientDebug(NAMESPACE);
const adapter = AdapterDebug(NAMESPACE);

export function forgetPrismaQueryLog(): void {
  // Someone debugging with DEBUG=* wants the history, and would see these entries printed.
  if (ClientDebug.enabled(NAMESPACE) || AdapterDebug.enabled(NAMESPACE)) return;
  for (let i = 0; i < PRISMA_DEBUG_HISTORY; i++) {
    client(".");
    adapter(".");
  }
}
