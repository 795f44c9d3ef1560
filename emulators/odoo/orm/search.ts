// _search: domain + implicit active filter + order + offset/limit. Ordering by id uses the
// id-sorted rows directly and binary-searches top-level id bounds, so keyset pages
// ([('id','>',last)], order 'id asc', limit) cost O(log N + page) instead of O(N).
import { compileNode } from "../domain/compile.js";
import { parseDomain, topLevelLeaves, type DomainNode } from "../domain/normalize.js";
import { typeError } from "../errors.js";
import type { Rec } from "../schema/types.js";
import type { Store } from "../store/store.js";
import type { Table } from "../store/table.js";
import { parseOrder, sortRows, type OrderKey } from "./order.js";

export interface Context { active_test?: boolean; [k: string]: unknown }
export interface SearchArgs { domain?: unknown; offset?: unknown; limit?: unknown; order?: unknown; context: Context }

export function activeTestOf(ctx: Context): boolean {
  return ctx.active_test !== false;
}

/** Odoo adds ('active','=',True) unless any leaf of the domain names 'active' itself. */
function withActive(table: Table, domain: unknown, node: DomainNode, ctx: Context): DomainNode {
  if (!("active" in table.spec.fields) || !activeTestOf(ctx)) return node;
  const mentions = Array.isArray(domain) && domain.some((t) => Array.isArray(t) && t[0] === "active");
  if (mentions) return node;
  return { kind: "and", a: { kind: "leaf", leaf: ["active", "=", true] }, b: node };
}

function intArg(name: string, v: unknown, dflt: number): number {
  if (v === undefined || v === null || v === false) return dflt;
  if (typeof v !== "number" || !Number.isInteger(v)) throw typeError(`'${typeof v}' object cannot be interpreted as an integer (${name})`);
  return v;
}

function idBounds(node: DomainNode, size: Table): [number, number] {
  let lo = 0;
  let hi = size.rows.length;
  for (const [left, op, right] of topLevelLeaves(node)) {
    if (left !== "id" || typeof right !== "number") continue;
    if (op === ">") lo = Math.max(lo, size.lowerBound(Math.floor(right) + 1));
    else if (op === ">=") lo = Math.max(lo, size.lowerBound(Math.ceil(right)));
    else if (op === "<") hi = Math.min(hi, size.lowerBound(Math.ceil(right)));
    else if (op === "<=") hi = Math.min(hi, size.lowerBound(Math.floor(right) + 1));
  }
  return [lo, hi];
}

function orderedRows(store: Store, table: Table, keys: OrderKey[]): Rec[] {
  const cacheKey = JSON.stringify(keys);
  const related = keys.map((k) => table.spec.fields[k.field]!.relation).filter((r): r is string => !!r);
  const stamp = [table.version, ...related.map((r) => store.table(r).version)].join(":");
  return table.sortedBy(cacheKey, stamp, () => sortRows(store, table.spec, table.rows, keys));
}

export function search(store: Store, model: string, args: SearchArgs): Rec[] {
  const table = store.table(model);
  const node = withActive(table, args.domain, parseDomain(args.domain), args.context);
  const pred = compileNode({ store, activeTest: activeTestOf(args.context) }, table.spec, node);
  const offset = intArg("offset", args.offset, 0);
  const limit = intArg("limit", args.limit, 0) || Infinity;
  if (args.order !== undefined && args.order !== null && args.order !== false && typeof args.order !== "string")
    throw typeError("order must be a string");
  const keys = parseOrder(table.spec, typeof args.order === "string" ? args.order : "");
  const out: Rec[] = [];
  let skipped = 0;
  const visit = (rec: Rec): boolean => {
    if (!pred(rec)) return true;
    if (skipped < offset) skipped++;
    else out.push(rec);
    return out.length < limit;
  };
  if (keys.length === 1 && keys[0]!.field === "id") {
    const [lo, hi] = idBounds(node, table);
    const rows = table.rows;
    if (keys[0]!.desc) { for (let i = hi - 1; i >= lo; i--) if (!visit(rows[i]!)) break; }
    else for (let i = lo; i < hi; i++) if (!visit(rows[i]!)) break;
    return out;
  }
  for (const rec of orderedRows(store, table, keys)) if (!visit(rec)) break;
  return out;
}

export function searchCount(store: Store, model: string, domain: unknown, limit: unknown, context: Context): number {
  const n = search(store, model, { domain, order: "id", context }).length;
  const cap = intArg("limit", limit, 0);
  return cap > 0 ? Math.min(n, cap) : n;
}
