import { readFileSync } from "node:fs";
import type { Emulator } from "../core/emulator.js";
import { createList, demoListSettings } from "./create-list.js";
import { writeMember } from "../members/write-member.js";

// --lists N seeds N empty audiences; --lists path.json loads a fixture:
// {"lists":[{"id"?: "...", "name": "...", "members"?: [{email_address, status, merge_fields?, tags?}]}]}

interface Fixture {
  lists: Array<{ id?: string; name?: string; members?: Array<Record<string, unknown>> }>;
}

export function seedLists(emulator: Emulator, lists: number | string): void {
  if (typeof lists === "number") {
    for (let i = 1; i <= lists; i++) createList(emulator, demoListSettings(`Audience ${i}`));
    return;
  }
  const fixture = JSON.parse(readFileSync(lists, "utf8")) as Fixture;
  fixture.lists.forEach((entry, i) => {
    const list = createList(emulator, demoListSettings(entry.name ?? `Audience ${i + 1}`), entry.id);
    for (const member of entry.members ?? []) {
      writeMember(emulator, list, member, { mode: "batch", pathHash: null, skipMergeValidation: true, source: "admin" });
    }
  });
}
