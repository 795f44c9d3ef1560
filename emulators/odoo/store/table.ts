// One model's rows. Rows stay sorted by id (ids only grow), so keyset paging on
// id can binary-search its start instead of scanning; every mutation bumps `version`,
// which invalidates the sort and inverse-relation caches lazily.
import type { ModelSpec, Rec } from "../schema/types.js";
import { IdIndex } from "./id-index.js";

export class Table {
  rows: Rec[] = [];
  readonly byId = new IdIndex();
  nextId = 1;
  version = 0;
  private readonly sorted = new Map<string, { stamp: string; rows: Rec[] }>();
  private readonly inverse = new Map<string, { version: number; map: Map<number, number[]> }>();

  /** Replaced (never mutated: specs are shared module objects) by /_emulator/schema; reset restores it. */
  constructor(public spec: ModelSpec) {}

  insert(rec: Rec): void {
    const last = this.rows[this.rows.length - 1];
    if (last && last.id >= rec.id) throw new Error(`${this.spec.name}: id ${rec.id} inserted out of order`);
    this.rows.push(rec);
    this.byId.set(rec.id, rec);
    this.nextId = Math.max(this.nextId, rec.id + 1);
    this.version++;
  }

  remove(ids: Set<number>): void {
    this.rows = this.rows.filter((r) => !ids.has(r.id));
    for (const id of ids) this.byId.delete(id);
    this.version++;
  }

  /** Index of the first row whose id is >= id. */
  lowerBound(id: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows[mid]!.id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** stamp must change whenever anything the sort keys read changes (this table or related ones). */
  sortedBy(key: string, stamp: string, build: () => Rec[]): Rec[] {
    const hit = this.sorted.get(key);
    if (hit && hit.stamp === stamp) return hit.rows;
    const rows = build();
    this.sorted.set(key, { stamp, rows });
    return rows;
  }

  /** parent id -> child ids for a many2one on this table (backs the one2many on the other side). */
  inverseOf(field: string): Map<number, number[]> {
    const hit = this.inverse.get(field);
    if (hit && hit.version === this.version) return hit.map;
    const map = new Map<number, number[]>();
    for (const r of this.rows) {
      const p = r[field];
      if (typeof p !== "number") continue;
      const list = map.get(p);
      if (list) list.push(r.id);
      else map.set(p, [r.id]);
    }
    this.inverse.set(field, { version: this.version, map });
    return map;
  }
}
