import { afterEach, describe, expect, it } from "vitest";
import { connectionStatuses } from "@/lib/console/connections";
import { resetEnvCache } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("connection details are for admins (issue 15: least privilege on the Overview)", () => {
  it("tells other roles only whether each connection is configured", () => {
    Object.assign(process.env, { ODOO_URL: "https://odoo.internal.example", ODOO_DB: "prod_db", MAILCHIMP_API_KEY: "k-us21" });
    resetEnvCache();
    const text = JSON.stringify(connectionStatuses({ details: false }));
    expect(text).not.toMatch(/odoo\.internal|prod_db|us21|ODOO_/);
    expect(connectionStatuses({ details: false }).map((c) => c.name)).toEqual(["Odoo", "Mailchimp"]);
    expect(JSON.stringify(connectionStatuses({ details: true }))).toMatch(/odoo\.internal\.example · database prod_db/);
  });
});
