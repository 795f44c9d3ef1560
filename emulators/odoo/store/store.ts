// The whole emulated database: one Table per model plus the clock of the current
// "transaction" (one HTTP request), whose start time becomes create_date/write_date
// exactly as Odoo stamps rows with the transaction start, in whole seconds.
import { userError } from "../errors.js";
import type { ModelSpec, Rec } from "../schema/types.js";
import { Table } from "./table.js";

export type OdooVersion = "17.0" | "19.0";

export class Store {
  readonly tables = new Map<string, Table>();
  /** Transaction start, epoch seconds. */
  txnTime = Math.floor(Date.now() / 1000);
  uid = 2;

  constructor(specs: ModelSpec[], readonly version: OdooVersion = "17.0") {
    for (const s of specs) this.tables.set(s.name, new Table(s));
  }

  beginTransaction(uid: number, now = Date.now()): void {
    this.txnTime = Math.floor(now / 1000);
    this.uid = uid;
  }

  has(model: string): boolean {
    return this.tables.has(model);
  }

  table(model: string): Table {
    const t = this.tables.get(model);
    if (!t) throw userError(`Object ${model} doesn't exist`);
    return t;
  }

  get(model: string, id: number): Rec | undefined {
    return this.tables.get(model)?.byId.get(id);
  }

  displayName(model: string, id: number): string {
    const t = this.table(model);
    const rec = t.byId.get(id);
    if (!rec) return "";
    if (t.spec.displayName) return t.spec.displayName(rec, this);
    const v = rec[t.spec.recName ?? "name"];
    return typeof v === "string" ? v : `${model},${id}`;
  }
}
