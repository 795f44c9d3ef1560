// /_emulator/*: not Odoo. Lets tests and benchmarks inspect and steer the emulator:
//   GET  /_emulator/stats   counters (requests, calls by model.method, records, errors, faults)
//   POST /_emulator/reset   rebuild the initial data set and zero the counters
//   POST /_emulator/touch   {model, ids?|fraction?} bump write_date (res.partner also gets a new phone)
//   POST /_emulator/faults  {fault_rate?, fault_kinds?, latency_ms?, jitter_ms?, max_records_per_call?}
//   POST /_emulator/schema  {model, remove: field} | {model, rename: {from, to}} | {model, field, add_selection: [value, label]}
//                           | {model, field, remove_selection: value}
//                           what an Odoo admin or a module upgrade does to a model (reset puts the schema back)
import type { IncomingMessage, ServerResponse } from "node:http";
import { ADMIN_UID, type Emulator } from "../emulator.js";
import { FAULT_KINDS, type FaultKind } from "../options.js";
import { Rng } from "../rng.js";
import { readBody, sendJson } from "./util.js";

let touches = 0;

function touch(emu: Emulator, body: Record<string, unknown>): unknown {
  const model = String(body.model ?? "res.partner");
  if (!emu.store.has(model)) return { error: `unknown model ${model}` };
  const table = emu.store.table(model);
  emu.store.beginTransaction(ADMIN_UID);
  const rng = new Rng(emu.opts.seed + ++touches);
  const fraction = typeof body.fraction === "number" ? body.fraction : undefined;
  const ids = Array.isArray(body.ids) ? new Set(body.ids as number[]) : undefined;
  let n = 0;
  for (const rec of table.rows) {
    if (ids ? !ids.has(rec.id) : fraction === undefined || !rng.chance(fraction)) continue;
    rec.write_date = emu.store.txnTime;
    rec.write_uid = ADMIN_UID;
    if (model === "res.partner") rec.phone = `+1 555-${String(touches).padStart(3, "0")}-${String(n % 10000).padStart(4, "0")}`;
    n++;
  }
  table.version++;
  return { touched: n, write_date: new Date(emu.store.txnTime * 1000).toISOString().slice(0, 19).replace("T", " ") };
}

/**
 * Changes a model's schema the way Odoo would after a module upgrade or a Studio edit: a removed field is gone from
 * fields_get and an "Invalid field" to read; a renamed one keeps its label and values under the new name; a new
 * selection value is offered by fields_get and accepted on write.
 */
function changeSchema(emu: Emulator, body: Record<string, unknown>): unknown {
  const model = String(body.model ?? "");
  if (!emu.store.has(model)) return { error: `unknown model ${model}` };
  const table = emu.store.table(model);
  const fields = { ...table.spec.fields };
  const rename = body.rename as { from?: unknown; to?: unknown } | undefined;
  if (typeof body.remove === "string") {
    if (!fields[body.remove]) return { error: `no field ${model}.${body.remove}` };
    delete fields[body.remove];
  } else if (rename && typeof rename.from === "string" && typeof rename.to === "string") {
    const spec = fields[rename.from];
    if (!spec || fields[rename.to]) return { error: `cannot rename ${model}.${rename.from} to ${rename.to}` };
    delete fields[rename.from];
    fields[rename.to] = spec;
    for (const rec of table.rows) {
      rec[rename.to] = rec[rename.from];
      delete rec[rename.from];
    }
  } else if (typeof body.field === "string" && Array.isArray(body.add_selection)) {
    const spec = fields[body.field];
    const [value, label] = body.add_selection as unknown[];
    if (!spec?.selection || typeof value !== "string") return { error: `${model}.${body.field} is not a selection` };
    fields[body.field] = { ...spec, selection: [...spec.selection, [value, String(label ?? value)] as const] };
  } else if (typeof body.field === "string" && typeof body.remove_selection === "string") {
    const spec = fields[body.field];
    if (!spec?.selection?.some(([v]) => v === body.remove_selection)) return { error: `${model}.${body.field} has no value ${body.remove_selection}` };
    fields[body.field] = { ...spec, selection: spec.selection.filter(([v]) => v !== body.remove_selection) };
  } else return { error: "give remove, rename {from, to}, or field + add_selection [value, label] | remove_selection value" };
  table.spec = { ...table.spec, fields };
  table.version++;
  return { model, fields: Object.keys(fields).length };
}

function setFaults(emu: Emulator, body: Record<string, unknown>): unknown {
  const o = emu.opts;
  if (typeof body.fault_rate === "number") o.faultRate = body.fault_rate;
  if (Array.isArray(body.fault_kinds)) o.faultKinds = body.fault_kinds.filter((k): k is FaultKind => FAULT_KINDS.includes(k as FaultKind));
  if (typeof body.latency_ms === "number") o.latencyMs = body.latency_ms;
  if (typeof body.jitter_ms === "number") o.jitterMs = body.jitter_ms;
  if (typeof body.max_records_per_call === "number") o.maxRecordsPerCall = body.max_records_per_call;
  return { fault_rate: o.faultRate, fault_kinds: o.faultKinds, latency_ms: o.latencyMs, jitter_ms: o.jitterMs, max_records_per_call: o.maxRecordsPerCall };
}

export async function handleAdmin(emu: Emulator, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
  const raw = await readBody(req);
  let body: Record<string, unknown> = {};
  if (raw.trim() !== "") {
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch (err) {
      return sendJson(res, 400, { error: `invalid JSON: ${(err as Error).message}` });
    }
  }
  if (action === "stats" && req.method === "GET") {
    const counts = Object.fromEntries([...emu.store.tables].map(([k, t]) => [k, t.rows.length]));
    return sendJson(res, 200, { ...emu.stats, records: counts });
  }
  if (req.method !== "POST") return sendJson(res, 405, { error: "use POST" });
  if (action === "reset") {
    emu.reset();
    return sendJson(res, 200, { reset: true });
  }
  if (action === "touch") return sendJson(res, 200, touch(emu, body));
  if (action === "faults") return sendJson(res, 200, setFaults(emu, body));
  if (action === "schema") {
    const out = changeSchema(emu, body) as { error?: string };
    return sendJson(res, out.error ? 400 : 200, out);
  }
  sendJson(res, 404, { error: `unknown admin action ${action}` });
}
