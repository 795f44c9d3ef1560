// Deterministic business data set for a seed: ~size partners, ~3 orders per partner.
import type { Store } from "../store/store.js";
import { generateBase } from "./base.js";
import { Gen } from "./context.js";
import { generatePartners, generateStaff } from "./partners.js";
import { generateBills, generateBlacklist, generateSales } from "./sales.js";

export function generate(store: Store, size: number, seed: number): void {
  const g = new Gen(store, size, seed);
  generateBase(g);
  generateStaff(g);
  generatePartners(g);
  generateSales(g);
  generateBills(g);
  generateBlacklist(g);
}
