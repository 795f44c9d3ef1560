// id -> row lookup. Odoo ids are dense small integers, so a sparse array beats a Map
// with a million entries on both memory and insert time (no rehashing).
import type { Rec } from "../schema/types.js";

export class IdIndex {
  private slots: (Rec | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }
  get(id: number): Rec | undefined {
    return Number.isInteger(id) && id >= 0 ? this.slots[id] : undefined;
  }
  has(id: number): boolean {
    return this.get(id) !== undefined;
  }
  set(id: number, rec: Rec): void {
    if (this.slots[id] === undefined) this.count++;
    this.slots[id] = rec;
  }
  delete(id: number): void {
    if (this.slots[id] !== undefined) this.count--;
    this.slots[id] = undefined;
  }
}
