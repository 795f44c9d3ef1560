// Order/invoice line arithmetic in integer cents, rounded per line like Odoo's default
// (round_per_line): subtotal = qty * price * (1 - discount), tax on the subtotal.
import type { Gen } from "./context.js";

export interface Line {
  productId: number | false;
  name: string;
  qty: number;
  price: number;
  discount: number;
  subtotal: number;
  tax: number;
  displayType: false | "line_section" | "line_note";
}

export function productLine(productId: number, name: string, qty: number, price: number, discount: number, taxPct: number): Line {
  const subtotal = Math.round((qty * price * (100 - discount)) / 100);
  const tax = Math.round((subtotal * taxPct) / 100);
  return { productId, name, qty, price, discount, subtotal, tax, displayType: false };
}

export function makeLines(g: Gen, taxPct: number): Line[] {
  const lines: Line[] = [];
  if (g.rng.chance(0.1)) lines.push({ productId: false, name: g.rng.pick(["Furniture", "Services", "Phase 1", "Options"]), qty: 0, price: 0, discount: 0, subtotal: 0, tax: 0, displayType: "line_section" });
  const n = g.rng.int(1, 5);
  for (let i = 0; i < n; i++) {
    const p = g.rng.pick(g.products);
    const discount = g.rng.chance(0.2) ? g.rng.pick([5, 10, 15, 20, 25]) : 0;
    lines.push(productLine(p.id, p.name, g.rng.int(1, 10), p.price, discount, taxPct));
  }
  if (g.rng.chance(0.05)) lines.push({ productId: false, name: "Delivery within 2 weeks.", qty: 0, price: 0, discount: 0, subtotal: 0, tax: 0, displayType: "line_note" });
  return lines;
}

export function totals(lines: Line[]): { untaxed: number; tax: number; total: number } {
  let untaxed = 0;
  let tax = 0;
  for (const l of lines) {
    untaxed += l.subtotal;
    tax += l.tax;
  }
  return { untaxed, tax, total: untaxed + tax };
}
