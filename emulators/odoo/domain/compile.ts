// Turns a parsed domain into a record predicate. Dotted paths and 'any' follow Odoo 17:
// through a many2one the comodel is searched with active_test=False, through an x2many
// with the caller's active_test; a null many2one never matches a path leaf.
import { valueError } from "../errors.js";
import type { FieldSpec, ModelSpec, Rec } from "../schema/types.js";
import { parseDatetimeLenient } from "../store/datetime.js";
import { leafRepr } from "../store/pyrepr.js";
import type { Store } from "../store/store.js";
import { rawValue, x2manyIds } from "../store/values.js";
import { NEGATIONS, scalarTest, type Test } from "./compare.js";
import { hierarchyIds } from "./hierarchy.js";
import { parseDomain, type DomainNode, type Leaf } from "./normalize.js";

export type Pred = (rec: Rec) => boolean;
export interface DomainCtx { store: Store; activeTest: boolean }

export function compileNode(ctx: DomainCtx, spec: ModelSpec, node: DomainNode): Pred {
  switch (node.kind) {
    case "const":
      return node.value ? () => true : () => false;
    case "not": {
      const a = compileNode(ctx, spec, node.a);
      return (r) => !a(r);
    }
    case "and": {
      const a = compileNode(ctx, spec, node.a);
      const b = compileNode(ctx, spec, node.b);
      return (r) => a(r) && b(r);
    }
    case "or": {
      const a = compileNode(ctx, spec, node.a);
      const b = compileNode(ctx, spec, node.b);
      return (r) => a(r) || b(r);
    }
    case "leaf":
      return compileLeaf(ctx, spec, node.leaf);
  }
}

function compileLeaf(ctx: DomainCtx, spec: ModelSpec, leaf: Leaf): Pred {
  const [left, op, right] = leaf;
  const [fname, ...rest] = left.split(".") as [string, ...string[]];
  const field = spec.fields[fname];
  if (!field) throw valueError(`Invalid field ${spec.name}.${fname} in leaf ${leafRepr(leaf)}`);
  if (rest.length > 0 || op === "any" || op === "not any") {
    if (!field.relation) throw valueError(`Invalid field ${spec.name}.${left} in leaf ${leafRepr(leaf)}`);
    const comodel = ctx.store.table(field.relation).spec;
    const subNode: DomainNode = rest.length > 0 ? { kind: "leaf", leaf: [rest.join("."), op, right] } : parseDomain(right);
    const pred = throughRelation(ctx, field, fname, subNode, comodel);
    return op === "not any" && rest.length === 0 ? (r) => !pred(r) : pred;
  }
  if (op === "child_of" || op === "parent_of") return hierarchyLeaf(ctx, spec, field, fname, op, right);
  if (field.compute && !field.searchable && !field.stored && field.type !== "one2many") {
    // Odoo 17 logs "Non-stored field ... cannot be searched." and drops the leaf (TRUE_LEAF).
    if (ctx.store.version === "17.0") return () => true;
    throw valueError(`Non-stored field ${spec.name}.${fname} cannot be searched.`);
  }
  return fieldLeaf(ctx, field, fname, op, right);
}

function throughRelation(ctx: DomainCtx, field: FieldSpec, fname: string, sub: DomainNode, comodel: ModelSpec): Pred {
  const { store } = ctx;
  if (field.type === "many2one") {
    const inner = compileNode({ store, activeTest: false }, comodel, sub);
    return (r) => {
      const id = rawValue(store, field, fname, r);
      const target = typeof id === "number" ? store.get(comodel.name, id) : undefined;
      return target !== undefined && inner(target);
    };
  }
  const inner = compileNode(ctx, comodel, sub);
  return (r) => x2manyIds(store, field, fname, r, ctx).some((id) => inner(store.get(comodel.name, id)!));
}

function hierarchyLeaf(ctx: DomainCtx, spec: ModelSpec, field: FieldSpec, fname: string, op: string, right: unknown): Pred {
  const model = fname === "id" ? spec.name : field.relation;
  if (!model) throw valueError(`Invalid field ${spec.name}.${fname} for operator ${op}`);
  const ids = hierarchyIds(ctx.store, model, op as "child_of" | "parent_of", right);
  return fieldLeaf(ctx, fname === "id" ? { type: "integer", string: "ID" } : field, fname, "in", [...ids]);
}

function fieldLeaf(ctx: DomainCtx, field: FieldSpec, fname: string, op: string, right: unknown): Pred {
  const { store } = ctx;
  if (field.type === "one2many" || field.type === "many2many") return x2manyLeaf(ctx, field, fname, op, right);
  if (field.type === "many2one" && hasName(right)) {
    const test = scalarTest(op, right, (x) => x);
    return (r) => {
      const id = rawValue(store, field, fname, r);
      return test(typeof id === "number" ? store.displayName(field.relation!, id) : false);
    };
  }
  const test = scalarTest(op, adjustDatetime(field, op, right), converter(field));
  if (field.compute) return (r) => test(rawValue(store, field, fname, r));
  if (field.type === "boolean") return (r) => test(r[fname] === true);
  return (r) => test(r[fname]);
}

const hasName = (right: unknown) => typeof right === "string" || (Array.isArray(right) && right.some((x) => typeof x === "string"));

function x2manyLeaf(ctx: DomainCtx, field: FieldSpec, fname: string, op: string, right: unknown): Pred {
  const { store } = ctx;
  const rel = field.relation!;
  const ids = (r: Rec) => x2manyIds(store, field, fname, r, ctx);
  if ((op === "=" || op === "!=") && (right === false || right === null)) {
    return op === "=" ? (r) => ids(r).length === 0 : (r) => ids(r).length > 0;
  }
  const positive = NEGATIONS[op] ?? op;
  const byName = hasName(right) || positive.includes("like");
  const test = scalarTest(positive, right, byName ? (x) => x : toNumber);
  const any: Pred = byName
    ? (r) => ids(r).some((id) => test(store.displayName(rel, id)))
    : (r) => ids(r).some((id) => test(id));
  return positive === op ? any : (r) => !any(r);
}

function toNumber(x: unknown): number | undefined {
  if (typeof x === "number") return x;
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "string" && x.trim() !== "" && Number.isFinite(Number(x))) return Number(x);
  return undefined;
}

function converter(field: FieldSpec): (x: unknown) => unknown {
  switch (field.type) {
    case "integer":
    case "many2one":
      return toNumber;
    case "float":
    case "monetary":
      return field.cents || field.type === "monetary" ? (x) => { const n = toNumber(x); return n === undefined ? n : Math.round(n * 100); } : toNumber;
    case "boolean":
      return (x) => x === true || x === 1 || x === "True" || x === "true";
    case "date":
      return (x) => (typeof x === "string" && /^\d{4}-\d{2}-\d{2}/.test(x) ? x.slice(0, 10) : undefined);
    case "datetime":
      return (x) => (typeof x === "string" ? parseDatetimeLenient(x) : undefined);
    default:
      return (x) => (typeof x === "number" ? String(x) : typeof x === "string" ? x : undefined);
  }
}

/** Odoo 17 widens a date-only bound on a datetime field to the end or start of that day. */
function adjustDatetime(field: FieldSpec, op: string, right: unknown): unknown {
  if (field.type !== "datetime" || typeof right !== "string" || right.length !== 10) return right;
  return `${right} ${op === ">" || op === "<=" ? "23:59:59" : "00:00:00"}`;
}

export function compileDomain(store: Store, model: string, domain: unknown, activeTest: boolean): Pred {
  return compileNode({ store, activeTest }, store.table(model).spec, parseDomain(domain));
}

export type { Test };
