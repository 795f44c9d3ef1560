// Python signatures of the public ORM methods we emulate, so argument binding fails with
// the same TypeErrors Odoo raises (unexpected keyword, missing argument, too many).
import { OdooError, typeError } from "../errors.js";

export interface Signature {
  params: string[];
  required: number;
  /** Recordset method: the first positional argument of execute_kw is the ids. */
  recordset: boolean;
}

export const SIGNATURES: Record<string, Signature> = {
  search_read: { params: ["domain", "fields", "offset", "limit", "order", "load"], required: 0, recordset: false },
  search: { params: ["domain", "offset", "limit", "order"], required: 1, recordset: false },
  search_count: { params: ["domain", "limit"], required: 1, recordset: false },
  fields_get: { params: ["allfields", "attributes"], required: 0, recordset: false },
  create: { params: ["vals_list"], required: 1, recordset: false },
  read: { params: ["fields", "load"], required: 0, recordset: true },
  write: { params: ["vals"], required: 1, recordset: true },
  unlink: { params: [], required: 0, recordset: true },
  exists: { params: [], required: 0, recordset: true },
  action_archive: { params: [], required: 0, recordset: true },
  action_unarchive: { params: [], required: 0, recordset: true },
};

/** Real public BaseModel methods the emulator does not implement: say so instead of pretending they do not exist. */
export const UNIMPLEMENTED = new Set(["name_search", "name_create", "copy", "default_get", "read_group", "web_search_read",
  "web_read", "web_save", "check_access_rights", "check_access_rule", "name_get", "onchange", "get_metadata", "export_data",
  "load", "toggle_active", "copy_data", "get_views", "search_fetch", "browse", "mapped", "filtered", "sorted"]);

/** Bind Python-style: positional args fill params in order, keywords fill the rest. */
export function bind(method: string, sig: Signature, args: unknown[], kwargs: Record<string, unknown>): Record<string, unknown> {
  if (args.length > sig.params.length) {
    const total = sig.params.length + 1;
    throw typeError(`${method}() takes from 1 to ${total} positional arguments but ${args.length + 1} were given`);
  }
  const bound: Record<string, unknown> = {};
  args.forEach((a, i) => (bound[sig.params[i]!] = a));
  for (const [k, v] of Object.entries(kwargs)) {
    if (!sig.params.includes(k)) throw typeError(`${method}() got an unexpected keyword argument '${k}'`);
    if (k in bound) throw typeError(`${method}() got multiple values for argument '${k}'`);
    bound[k] = v;
  }
  const missing = sig.params.slice(0, sig.required).filter((p) => !(p in bound));
  if (missing.length > 0)
    throw typeError(`${method}() missing ${missing.length} required positional argument${missing.length > 1 ? "s" : ""}: ${missing.map((m) => `'${m}'`).join(" and ")}`);
  return bound;
}

export function notImplemented(model: string, method: string): OdooError {
  return new OdooError("builtins.NotImplementedError", `The Odoo emulator does not implement ${model}.${method}().`);
}
