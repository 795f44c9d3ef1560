// Odoo domains are Polish-notation lists: '&' and '|' take two operands, '!' one, and
// consecutive terms at top level are implicitly AND-ed. We parse into a tree and apply
// the same leaf rewrites as Odoo 17's normalize_leaf ('<>' -> '!=', '=' with a list -> 'in').
import { OdooError, valueError } from "../errors.js";
import { pyRepr } from "../store/pyrepr.js";

export const OPERATORS = new Set(["=", "!=", "<=", "<", ">", ">=", "=?", "=like", "=ilike", "like", "not like", "ilike",
  "not ilike", "in", "not in", "child_of", "parent_of", "any", "not any"]);

export type Leaf = [string, string, unknown];
export type DomainNode =
  | { kind: "and" | "or"; a: DomainNode; b: DomainNode }
  | { kind: "not"; a: DomainNode }
  | { kind: "leaf"; leaf: Leaf }
  | { kind: "const"; value: boolean };

function isOperatorToken(t: unknown): t is "&" | "|" | "!" {
  return t === "&" || t === "|" || t === "!";
}

function toLeaf(term: unknown): DomainNode {
  if (!Array.isArray(term) || term.length !== 3) throw valueError(`Invalid leaf ${pyRepr(term)}`);
  const [left, rawOp, right] = term as [unknown, unknown, unknown];
  if ((left === 1 || left === 0) && rawOp === "=" && right === 1) return { kind: "const", value: left === 1 };
  if (typeof left !== "string" || typeof rawOp !== "string") throw valueError(`Invalid leaf ${pyRepr(term)}`);
  let op = rawOp.toLowerCase();
  if (op === "<>") op = "!=";
  if (!OPERATORS.has(op)) throw valueError(`Invalid leaf ${pyRepr(term)}`);
  if (Array.isArray(right) && (op === "=" || op === "!=") && !["any", "not any"].includes(op)) op = op === "=" ? "in" : "not in";
  if (typeof right === "boolean" && (op === "in" || op === "not in")) op = op === "in" ? "=" : "!=";
  return { kind: "leaf", leaf: [left, op, right] };
}

export function parseDomain(domain: unknown): DomainNode {
  if (domain === undefined || domain === null || domain === false) return { kind: "const", value: true };
  if (!Array.isArray(domain)) throw valueError(`Invalid domain ${pyRepr(domain)}`);
  let pos = 0;
  const syntax = () =>
    new OdooError("builtins.AssertionError", `This domain is syntactically not correct: ${pyRepr(domain)}`);
  const parseOne = (): DomainNode => {
    if (pos >= domain.length) throw syntax();
    const t: unknown = domain[pos++];
    if (t === "!") return { kind: "not", a: parseOne() };
    if (isOperatorToken(t)) {
      const a = parseOne();
      const b = parseOne();
      return { kind: t === "&" ? "and" : "or", a, b };
    }
    if (typeof t === "string") throw syntax();
    return toLeaf(t);
  };
  let node: DomainNode = { kind: "const", value: true };
  let first = true;
  while (pos < domain.length) {
    const next = parseOne();
    node = first ? next : { kind: "and", a: node, b: next };
    first = false;
  }
  return node;
}

/** Top-level leaves that are AND-ed with everything else: used to narrow id ranges and detect 'active'. */
export function topLevelLeaves(node: DomainNode): Leaf[] {
  if (node.kind === "leaf") return [node.leaf];
  if (node.kind === "and") return [...topLevelLeaves(node.a), ...topLevelLeaves(node.b)];
  return [];
}
