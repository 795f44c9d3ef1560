import { stuckStores, type StoreSignals } from "@/lib/commerce/find-stuck-stores";
import type { AlertsPolicy } from "../policy-schema";
import type { AlertCondition } from "../types";

/** One store_syncing alert per store left in is_syncing past the policy's minutes with no commerce step running. */
export function decideStoreAlerts(signals: StoreSignals, policy: Pick<AlertsPolicy, "storeSyncingMinutes">, now: Date): AlertCondition[] {
  return stuckStores(signals, now, policy.storeSyncingMinutes).map((s) => ({
    kind: "store_syncing",
    subject: s.storeId,
    title: `Store ${s.storeId} left in is_syncing`,
    message: `Store ${s.storeId}${s.listId ? ` (audience ${s.listId})` : ""} has had is_syncing on since ${s.since?.toISOString() ?? "an unknown time"} and no commerce step is running: Mailchimp sends no order or abandoned-cart email for it.`,
    action: s.seenBy.includes("bridgeline")
      ? "Start an incremental run: its commerce step switches the store off. If it stays on, set is_syncing false in Mailchimp."
      : "Bridgeline did not leave this one on: set is_syncing false in Mailchimp (or ask whoever loads that store).",
    facts: { storeId: s.storeId, listId: s.listId, since: s.since?.toISOString() ?? null, seenBy: s.seenBy },
  }));
}
