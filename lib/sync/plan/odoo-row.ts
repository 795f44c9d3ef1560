import { z } from "zod";
import { parseOdooDate, parseOdooDatetime } from "@/lib/odoo";
import { count, dateSeconds, datetimeSeconds, flag, ids, many2one, odooId, parsePage, text } from "./odoo-values";

/**
 * zod row schemas paired with hand-written decoders for the happy path. The planner parses every partner,
 * order and invoice (~500k rows at 100k partners); zod's union and loose-object parsing allocates ~7 KB per
 * row (issues of the union branches that fail, payload wrappers, copies), which was two thirds of all the
 * planner's allocations and what kept V8 promoting into old space. A decoder only accepts values zod accepts,
 * and returns what zod would return; anything else (MISS) goes to zod, which then produces the same result
 * or the same error as before. The zod schema stays the definition.
 */
export const MISS: unique symbol = Symbol("miss");
type Decoded<T> = T | typeof MISS;

export interface OdooField<S extends z.ZodType> {
  schema: S;
  decode: (value: unknown) => Decoded<z.output<S>>;
}

const isId = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;

export const idField: OdooField<typeof odooId> = { schema: odooId, decode: (v) => (isId(v) ? v : MISS) };

export const many2oneField: OdooField<typeof many2one> = {
  schema: many2one,
  decode: (v) => {
    if (v === false || v === null) return null;
    if (isId(v)) return { id: v, name: "" };
    if (Array.isArray(v) && v.length === 2 && isId(v[0]) && (typeof v[1] === "string" || v[1] === false)) return { id: v[0], name: v[1] || "" };
    return MISS;
  },
};

export const textField: OdooField<typeof text> = {
  schema: text,
  decode: (v) => (typeof v === "string" ? (v.trim() !== "" ? v : null) : v === false || v === null ? null : MISS),
};

export const idsField: OdooField<typeof ids> = {
  schema: ids,
  // zod returns a copy; a fresh array keeps callers from sharing Odoo's raw value.
  decode: (v) => (v === false ? [] : Array.isArray(v) && v.every(isId) ? (v.slice() as number[]) : MISS),
};

export const flagField: OdooField<typeof flag> = { schema: flag, decode: (v) => (typeof v === "boolean" || v === null ? v === true : MISS) };

export const countField: OdooField<typeof count> = {
  schema: count,
  decode: (v) => (typeof v === "number" && Number.isFinite(v) ? v : v === false ? 0 : MISS),
};

const booleanSchema = z.boolean();
export const booleanField: OdooField<typeof booleanSchema> = { schema: booleanSchema, decode: (v) => (typeof v === "boolean" ? v : MISS) };

const nullableBooleanSchema = z.union([z.boolean(), z.null()]);
export const nullableBooleanField: OdooField<typeof nullableBooleanSchema> = {
  schema: nullableBooleanSchema,
  decode: (v) => (typeof v === "boolean" || v === null ? v : MISS),
};

const unknownSchema = z.unknown();
export const unknownField: OdooField<typeof unknownSchema> = { schema: unknownSchema, decode: (v) => v };

/** A malformed date is left to zod, which reports it as an issue of the row. */
function seconds(parse: (v: unknown) => Date | null) {
  return (v: unknown): Decoded<number> => {
    if (typeof v !== "string" && v !== false) return MISS;
    try {
      const d = parse(v);
      return d ? Math.floor(d.getTime() / 1000) : 0;
    } catch {
      return MISS;
    }
  };
}

export const datetimeSecondsField: OdooField<typeof datetimeSeconds> = { schema: datetimeSeconds, decode: seconds(parseOdooDatetime) };
export const dateSecondsField: OdooField<typeof dateSeconds> = { schema: dateSeconds, decode: seconds(parseOdooDate) };

/** A field Odoo may leave out (it depends on the policy): absent stays absent, as with zod's optional(). */
export function optionalField<S extends z.ZodType>(field: OdooField<S>): OdooField<z.ZodOptional<S>> {
  return { schema: field.schema.optional(), decode: (v) => (v === undefined ? undefined : field.decode(v)) };
}

type Shape = Record<string, OdooField<z.ZodType>>;
type RowSchema<F extends Shape> = z.ZodObject<{ [K in keyof F]: F[K]["schema"] }, z.core.$loose>;
/** The declared fields only: callers read anything else from Odoo's raw record. */
export type OdooRow<F extends Shape> = { [K in keyof F]: z.output<F[K]["schema"]> };

export interface OdooRowCodec<F extends Shape> {
  schema: RowSchema<F>;
  fields: F;
}

export function odooRow<F extends Shape>(fields: F): OdooRowCodec<F> {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as { [K in keyof F]: F[K]["schema"] };
  return { schema: z.looseObject(shape), fields };
}

/** Parses one page; a record Odoo sent in an unexpected shape is a connector-level surprise, so it throws. */
export function parseRows<F extends Shape>(codec: OdooRowCodec<F>, model: string, rows: unknown[]): OdooRow<F>[] {
  const keys = Object.keys(codec.fields) as (keyof F & string)[];
  const out: OdooRow<F>[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const decoded = decodeRow(codec.fields, keys, row);
    out[i] = decoded === MISS ? slowParse(codec, model, row) : decoded;
  }
  return out;
}

function decodeRow<F extends Shape>(fields: F, keys: (keyof F & string)[], row: unknown): Decoded<OdooRow<F>> {
  if (typeof row !== "object" || row === null || Array.isArray(row)) return MISS;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (fields[k] as OdooField<z.ZodType>).decode((row as Record<string, unknown>)[k]);
    if (v === MISS) return MISS;
    if (v !== undefined) out[k] = v;
  }
  return out as OdooRow<F>;
}

/** zod decides whatever the decoder declined, so errors read exactly as they always did. */
function slowParse<F extends Shape>(codec: OdooRowCodec<F>, model: string, row: unknown): OdooRow<F> {
  return parsePage(codec.schema, model, [row])[0] as OdooRow<F>;
}
