import { describe, expect, it } from "vitest";
import { OdooClient } from "./client";
import { createFakeOdoo, type FakeRow } from "./testing/fake-fetch";

const cfg = { url: "http://odoo.test", db: "d", username: "u", apiKey: "k", protocol: "json2" as const };

describe("keyset pages", () => {
  it("returns every row exactly once, in id order, across uneven pages", async () => {
    const rows: FakeRow[] = [3, 1, 9, 4, 7, 2, 8].map((id) => ({ id, write_date: "2024-01-01 00:00:00" }));
    const fake = createFakeOdoo(rows);
    const client = new OdooClient(cfg, { fetch: fake.fetch });
    const pages: number[][] = [];
    for await (const page of client.pages("res.partner", { fields: ["name"], pageSize: 3 })) pages.push(page.map((r) => r.id));
    expect(pages).toEqual([[1, 2, 3], [4, 7, 8], [9]]);
    const domains = fake.requests.filter((r) => r.url.endsWith("search_read")).map((r) => r.body.domain);
    expect(domains).toEqual([[["id", ">", 0]], [["id", ">", 3]], [["id", ">", 8]]]);
    expect(fake.requests.every((r) => (r.body as { order?: string }).order === "id asc" || !r.url.endsWith("search_read"))).toBe(true);
  });
});

describe("write_date cursor", () => {
  const rows: FakeRow[] = [
    { id: 5, write_date: "2024-01-01 10:00:00" },
    { id: 2, write_date: "2024-01-01 10:00:00" },
    { id: 9, write_date: "2024-01-01 10:04:00" },
    { id: 1, write_date: "2024-01-01 11:00:00" },
    { id: 4, write_date: "2023-12-31 23:00:00" },
  ];

  it("reads from cursor minus overlap in (write_date, id) order and advances to the max write_date", async () => {
    const client = new OdooClient(cfg, { fetch: createFakeOdoo(rows).fetch });
    const seen: number[] = [];
    let cursor: Date | null = null;
    const since = new Date("2024-01-01T10:05:00Z");
    for await (const page of client.changedSince("res.partner", { cursor: since, overlapSeconds: 300, fields: [], pageSize: 2 })) {
      seen.push(...page.records.map((r) => r.id));
      cursor = page.cursor;
    }
    // 10:00:00 is exactly cursor - 5 min: caught by the overlap, including the tie broken by id.
    expect(seen).toEqual([2, 5, 9, 1]);
    expect(cursor).toEqual(new Date("2024-01-01T11:00:00Z"));
  });

  it("never moves the cursor backwards when nothing changed", async () => {
    const client = new OdooClient(cfg, { fetch: createFakeOdoo(rows).fetch });
    const since = new Date("2024-02-01T00:00:00Z");
    const pages = [];
    for await (const page of client.changedSince("res.partner", { cursor: since, fields: [] })) pages.push(page);
    expect(pages).toEqual([]);
  });

  it("drops an id seen earlier in the same run", async () => {
    const fake = createFakeOdoo(rows);
    const client = new OdooClient(cfg, { fetch: fake.fetch });
    const gen = client.changedSince("res.partner", { cursor: null, fields: [], pageSize: 2 });
    const first = await gen.next();
    // Row 4 is edited while we read: it moves to the end of the (write_date, id) order.
    const row4 = rows.find((r) => r.id === 4);
    if (row4) row4.write_date = "2024-01-01 12:00:00";
    const rest: number[] = [];
    for await (const page of gen) rest.push(...page.records.map((r) => r.id));
    expect(first.value?.records.map((r: { id: number }) => r.id)).toEqual([4, 2]);
    expect(rest).toEqual([5, 9, 1]);
  });
});
