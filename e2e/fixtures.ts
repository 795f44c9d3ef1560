import { test as base, expect } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { storageStatePath } from "./users";

/** baseURL comes from the global setup, which picks the port; it is only known once the server is up. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is unset: run the suite through `npm run test:e2e`.");
    await use(url);
  },
});

export const asRole = (role: Role) => ({ storageState: storageStatePath(role) });

export { expect };
