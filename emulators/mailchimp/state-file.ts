// The emulated account on disk, so a restarted demo finds Mailchimp as it left it (scripts/demo.ts --state):
// audiences, members and their tags, merge fields, webhooks, stores and finished batches. JSON with Maps, Sets
// and Buffers tagged, written to a temporary file and renamed over the old one.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Emulator } from "./core/emulator.js";
import { createRandom } from "./core/random.js";

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof Set) return { $set: [...value.values()] };
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "Buffer" && Array.isArray((value as { data?: unknown }).data))
    return { $buffer: Buffer.from((value as { data: number[] }).data).toString("base64") };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.$map)) return new Map(v.$map as [unknown, unknown][]);
    if (Array.isArray(v.$set)) return new Set(v.$set as unknown[]);
    if (typeof v.$buffer === "string") return Buffer.from(v.$buffer, "base64");
  }
  return value;
}

/** A cheap fingerprint of the account: the request counters move on every call that could change it. */
export function accountVersion(emulator: Emulator): string {
  return JSON.stringify(emulator.stats.snapshot());
}

export function saveMailchimpState(emulator: Emulator, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify({ account: emulator.account, counter: emulator.idCounter }, replacer));
  renameSync(`${file}.tmp`, file);
}

/** Replaces the account with the saved one; false when there is no file yet. */
export function restoreMailchimpState(emulator: Emulator, file: string): boolean {
  if (!existsSync(file)) return false;
  const saved = JSON.parse(readFileSync(file, "utf8"), reviver) as { account: Emulator["account"]; counter: number };
  emulator.account = saved.account;
  emulator.idCounter = saved.counter;
  // Random ids (webhooks, batches) must not repeat the ones the saved account already holds.
  emulator.random = createRandom(Date.now());
  return true;
}
