import { describe, expect, it } from "vitest";
import type { DatabaseHealth } from "@/lib/db/health";
import { databaseOutage, isPageRequest } from "./database-gate";
import { databaseUnavailablePage } from "./database-unavailable-page";

describe("database gate", () => {
  it("checks at most once per 2 s and reports the outage with its reason", async () => {
    let calls = 0;
    let health: DatabaseHealth = { status: "up", latencyMs: 1 };
    const check = async () => (calls++, health);
    expect(await databaseOutage({ now: 1_000_000, check })).toBeNull();
    health = { status: "down", error: "DatabaseNotReachable (127.0.0.1:5432)" };
    expect(await databaseOutage({ now: 1_001_999, check })).toBeNull();
    expect(calls).toBe(1);
    expect(await databaseOutage({ now: 1_002_000, check })).toEqual(health);
    expect(calls).toBe(2);
  });

  it("gates page navigations only: not API routes, build assets or files", () => {
    expect(isPageRequest("GET", "/")).toBe(true);
    expect(isPageRequest("GET", "/runs/123")).toBe(true);
    expect(isPageRequest("HEAD", "/signin")).toBe(true);
    expect(isPageRequest("POST", "/settings")).toBe(false);
    expect(isPageRequest("GET", "/api/health")).toBe(false);
    expect(isPageRequest("GET", "/_next/data/x.json")).toBe(false);
    expect(isPageRequest("GET", "/robots.txt")).toBe(false);
  });

  it("names the cause on the page, escaped", () => {
    const html = databaseUnavailablePage("DatabaseNotReachable (db:5432) <script>");
    expect(html).toContain("Bridgeline cannot reach its database");
    expect(html).toContain("Cause: DatabaseNotReachable (db:5432) &#60;script&#62;");
    expect(html).not.toContain("<script>");
  });
});
