// Builds the initial database from a fixture file/object or the seeded generator.
import { readFileSync } from "node:fs";
import { generate } from "../gen/generate.js";
import type { FixtureData, ResolvedOptions } from "../options.js";
import { allSpecs } from "../schema/index.js";
import { derivePartnerShares } from "../schema/partner.js";
import { Store } from "../store/store.js";
import { loadFixture } from "./fixture.js";

export function buildStore(opts: ResolvedOptions): Store {
  const store = new Store(allSpecs(opts.version), opts.version);
  if (opts.fixture !== undefined) {
    const data = typeof opts.fixture === "string" ? (JSON.parse(readFileSync(opts.fixture, "utf8")) as FixtureData) : opts.fixture;
    loadFixture(store, data);
  } else {
    generate(store, opts.generate ?? 0, opts.seed, opts.orders);
  }
  derivePartnerShares(store);
  return store;
}
