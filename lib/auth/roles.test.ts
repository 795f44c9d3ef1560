import { describe, expect, it } from "vitest";
import { canSee, CONSOLE_PAGES, homeFor, pagesFor, ROLES } from "./roles";

describe("role table", () => {
  it("gives admin every page and every other role at least one page it may not open", () => {
    expect(pagesFor("admin")).toHaveLength(CONSOLE_PAGES.length);
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(pagesFor(role).length).toBeLessThan(CONSOLE_PAGES.length);
    }
  });

  it("matches the jobs in DEVELOPERS.md", () => {
    expect(canSee("marketing", "consent")).toBe(true);
    expect(canSee("marketing", "settings")).toBe(false);
    expect(canSee("marketing", "runs")).toBe(false);
    expect(canSee("finance", "revenue")).toBe(true);
    expect(canSee("finance", "exceptions")).toBe(false);
    expect(canSee("ops", "exceptions")).toBe(true);
    expect(canSee("ops", "settings")).toBe(false);
  });

  it("lands finance on Revenue and everyone else on the Overview, each on a page it may open", () => {
    expect(homeFor("finance")).toBe("/revenue");
    expect(homeFor("ops")).toBe("/");
    for (const role of ROLES) expect(pagesFor(role).some((p) => p.href === homeFor(role))).toBe(true);
  });
});
