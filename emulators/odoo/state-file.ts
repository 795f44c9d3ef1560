// The emulated database on disk, so a restarted demo finds Odoo as it left it (scripts/demo.ts --state).
// Rows are plain JSON values (numbers, strings, booleans, id lists), written whole to a temporary file and
// renamed over the old one, so a crash mid-write never leaves half a database.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Rec } from "./schema/types.js";
import type { Store } from "./store/store.js";
import { Table } from "./store/table.js";

interface Snapshot {
  version: string;
  tables: Record<string, Rec[]>;
}

/** Sum of the tables' mutation counters: unchanged means nothing to save. */
export function storeVersion(store: Store): number {
  let n = 0;
  for (const t of store.tables.values()) n += t.version;
  return n;
}

export function saveOdooState(store: Store, file: string): void {
  const snapshot: Snapshot = { version: store.version, tables: Object.fromEntries([...store.tables].map(([name, t]) => [name, t.rows])) };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(snapshot));
  renameSync(`${file}.tmp`, file);
}

/** Replaces every table saved in `file` (ids, next ids and all); false when there is no file yet. */
export function restoreOdooState(store: Store, file: string): boolean {
  if (!existsSync(file)) return false;
  const snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  if (snapshot.version !== store.version) throw new Error(`${file} holds an Odoo ${snapshot.version} database, not ${store.version}: start with --fresh`);
  for (const [name, rows] of Object.entries(snapshot.tables)) {
    const old = store.tables.get(name);
    if (!old) continue;
    const table = new Table(old.spec);
    for (const rec of rows) table.insert(rec);
    // Caches keyed on a table version (the blacklist's) must not mistake the new rows for the old ones.
    table.version += old.version + 1;
    store.tables.set(name, table);
  }
  return true;
}
