// Runs one ORM call (already authenticated and bound). Returns the JSON result plus the
// number of records it touched, which feeds stats and the worker-killed guard.
import type { Rec } from "../schema/types.js";
import type { Store } from "../store/store.js";
import { fieldsGet } from "./fields-get.js";
import { browse, checkFields, formatRecords } from "./read.js";
import { search, searchCount, type Context } from "./search.js";
import { create, write } from "./write.js";
import { unlink } from "./unlink.js";

export interface CallResult { result: unknown; records: number }

export interface Guard { maxRecords: number; onExceeded: (n: number) => never }

export function invoke(store: Store, model: string, method: string, ids: unknown[], a: Record<string, unknown>, context: Context, guard: Guard): CallResult {
  const checked = (recs: Rec[]) => {
    if (recs.length > guard.maxRecords) guard.onExceeded(recs.length);
    return recs;
  };
  switch (method) {
    case "search_read": {
      const names = checkFields(store, model, a.fields);
      const recs = checked(search(store, model, { domain: a.domain, offset: a.offset, limit: a.limit, order: a.order, context }));
      return { result: formatRecords(store, model, recs, names, context, a.load ?? "_classic_read"), records: recs.length };
    }
    case "search": {
      const recs = checked(search(store, model, { domain: a.domain, offset: a.offset, limit: a.limit, order: a.order, context }));
      return { result: recs.map((r) => r.id), records: recs.length };
    }
    case "search_count":
      return { result: searchCount(store, model, a.domain, a.limit, context), records: 0 };
    case "read": {
      const names = checkFields(store, model, a.fields);
      const recs = checked(browse(store, model, ids));
      return { result: formatRecords(store, model, recs, names, context, a.load ?? "_classic_read"), records: recs.length };
    }
    case "fields_get":
      return { result: fieldsGet(store, model, a.allfields, a.attributes), records: 0 };
    case "create": {
      const created = create(store, model, a.vals_list);
      const single = typeof a.vals_list === "object" && a.vals_list !== null && !Array.isArray(a.vals_list);
      return { result: single ? created[0] : created, records: created.length };
    }
    case "write":
      return { result: write(store, model, browse(store, model, ids), ids, a.vals), records: ids.length };
    case "unlink":
      return { result: unlink(store, model, browse(store, model, ids)), records: ids.length };
    case "exists":
      return { result: browse(store, model, ids).map((r) => r.id), records: 0 };
    case "action_archive":
    case "action_unarchive":
      return { result: write(store, model, browse(store, model, ids), ids, { active: method === "action_unarchive" }), records: ids.length };
  }
  throw new Error(`unreachable: ${method}`);
}
