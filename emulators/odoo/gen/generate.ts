// Deterministic business data set for a seed: ~size partners, ~3 orders per partner.
import type { Store } from "../store/store.js";
import { generateBase } from "./base.js";
import { Gen } from "./context.js";
import { generatePartners, generateStaff } from "./partners.js";
import { generateBills, generateBlacklist, generateSales } from "./sales.js";

/** orders: how many sale orders (default three per partner). */
export function generate(store: Store, size: number, seed: number, orders = Math.round(size * 3)): void {
  const g = new Gen(store, size, seed, orders);
  generateBase(g);
  generateStaff(g);
  generatePartners(g);
  generateSales(g);
  generateBills(g);
  generateBlacklist(g);
}
