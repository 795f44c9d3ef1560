// Leaf operators on a single (scalar) value with PostgreSQL NULL semantics as Odoo 17
// emits them: '!=' / 'not in' / 'not like' also match NULL, ordering operators never do.
import { valueError } from "../errors.js";
import { likeToRegExp } from "./like.js";

export type Test = (v: unknown) => boolean;
const isNull = (v: unknown) => v === false || v === undefined || v === null || v === "";

/** conv turns the right-hand value into the stored representation (undefined = not comparable). */
export function scalarTest(op: string, right: unknown, conv: (r: unknown) => unknown): Test {
  if (op === "=?") return right === false || right === null || right === undefined ? () => true : scalarTest("=", right, conv);
  if (op === "in" || op === "not in") {
    const list = Array.isArray(right) ? right : [right];
    const withNull = list.some((x) => x === false || x === null);
    const set = new Set(list.filter((x) => x !== false && x !== null).map(conv));
    const pos: Test = (v) => (isNull(v) ? withNull : set.has(v));
    return op === "in" ? pos : (v) => (isNull(v) ? !withNull : !set.has(v));
  }
  if (op.includes("like")) return likeTest(op, right);
  const falsy = right === false || right === null;
  const r = falsy ? undefined : conv(right);
  if (!falsy && r === undefined) throw valueError(`Invalid value ${JSON.stringify(right)} for operator ${op}`);
  switch (op) {
    case "=":
      return falsy ? isNull : (v) => !isNull(v) && v === r;
    case "!=":
      return falsy ? (v) => !isNull(v) : (v) => isNull(v) || v !== r;
    case "<":
      return (v) => !falsy && !isNull(v) && (v as number) < (r as number);
    case "<=":
      return (v) => !falsy && !isNull(v) && (v as number) <= (r as number);
    case ">":
      return (v) => !falsy && !isNull(v) && (v as number) > (r as number);
    case ">=":
      return (v) => !falsy && !isNull(v) && (v as number) >= (r as number);
  }
  throw valueError(`Invalid operator ${op}`);
}

function likeTest(op: string, right: unknown): Test {
  const text = right === false || right === null || right === undefined ? "" : String(right);
  const wrap = op === "like" || op === "ilike" || op === "not like" || op === "not ilike";
  const re = likeToRegExp(wrap ? `%${text}%` : text, op.includes("ilike"));
  const pos: Test = (v) => !isNull(v) && re.test(String(v));
  return op.startsWith("not ") ? (v) => isNull(v) || !re.test(String(v)) : pos;
}

/** Positive form of a negative operator, for "no related record matches" semantics. */
export const NEGATIONS: Record<string, string> = { "!=": "=", "not in": "in", "not like": "like", "not ilike": "ilike" };
