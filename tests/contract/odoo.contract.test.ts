import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  many2one,
  odooString,
  OdooAccessError,
  OdooAuthError,
  OdooMissingError,
  OdooTransientError,
  OdooValidationError,
  parseOdooDatetime,
  type OdooProtocol,
} from "@/lib/odoo";
import { emulatorAdmin, odooClient, startOdoo, type OdooEmulator } from "./helpers/odoo-setup";

describe.each<OdooProtocol>(["jsonrpc", "json2"])("Odoo connector over %s", (protocol) => {
  let emu: OdooEmulator;
  beforeAll(async () => {
    emu = await startOdoo({ version: protocol === "json2" ? "19.0" : "17.0" });
  });
  afterAll(async () => emu?.close());

  it("authenticates, and a bad key raises OdooAuthError", async () => {
    const uid = await odooClient(emu, protocol).authenticate();
    if (protocol === "jsonrpc") expect(uid).toBeGreaterThan(0);
    const bad = odooClient(emu, protocol, {}, "not-the-key");
    await expect(bad.authenticate()).rejects.toBeInstanceOf(OdooAuthError);
    await expect(bad.searchCount("res.partner")).rejects.toBeInstanceOf(OdooAuthError);
  });

  it("keyset paging returns every partner exactly once", async () => {
    const client = odooClient(emu, protocol);
    const total = await client.searchCount("res.partner", [], { activeTest: false });
    const ids: number[] = [];
    for await (const page of client.pages("res.partner", { fields: ["name"], pageSize: 17, activeTest: false })) {
      expect(page.length).toBeLessThanOrEqual(17);
      ids.push(...page.map((r) => r.id));
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(client.counter.snapshot()["res.partner.search_read"]).toBe(Math.ceil(total / 17) + (total % 17 === 0 ? 1 : 0));
  });

  it("hides archived rows unless active_test is false", async () => {
    const client = odooClient(emu, protocol);
    const [id] = await client.create("res.partner", [{ name: "Archived Alice", email: "alice@archive.io" }]);
    const before = await client.searchCount("res.partner");
    await client.write("res.partner", [id as number], { active: false });
    expect(await client.searchCount("res.partner")).toBe(before - 1);
    expect(await client.searchCount("res.partner", [["id", "=", id]], { activeTest: false })).toBe(1);
  });

  it("the write_date cursor with overlap catches touched rows and late commits", async () => {
    const client = odooClient(emu, protocol);
    const opts = { fields: ["name", "phone"], pageSize: 50, activeTest: false };
    const drain = async (cursor: Date | null, overlapSeconds?: number) => {
      const ids: number[] = [];
      let next = cursor;
      for await (const page of client.changedSince("res.partner", { ...opts, cursor, overlapSeconds })) {
        ids.push(...page.records.map((r) => r.id));
        next = page.cursor;
      }
      return { ids, cursor: next };
    };
    const first = await drain(null);
    expect(first.ids).toHaveLength(await client.searchCount("res.partner", [], { activeTest: false }));
    const cursor = first.cursor as Date;
    const [touchA, touchB, lateId] = first.ids.slice(0, 3) as [number, number, number];

    await new Promise((r) => setTimeout(r, 1100));
    await emulatorAdmin(emu, "touch", { model: "res.partner", ids: [touchA, touchB] });
    // A long transaction that started 60 s before our cursor commits now: its write_date is in the past.
    const late = emu.store.get("res.partner", lateId);
    if (late) late.write_date = Math.floor(cursor.getTime() / 1000) - 60;

    const second = await drain(cursor, 120);
    expect(second.ids).toEqual(expect.arrayContaining([touchA, touchB, lateId]));
    expect(new Set(second.ids).size).toBe(second.ids.length);
    expect((second.cursor as Date).getTime()).toBeGreaterThan(cursor.getTime());
    // Without the overlap window the late commit is lost: the reason the window exists.
    const noOverlap = await drain(cursor, 0);
    expect(noOverlap.ids).toEqual(expect.arrayContaining([touchA, touchB]));
    expect(noOverlap.ids).not.toContain(lateId);
  });

  it("turns Odoo's false-for-empty into null and reads many2one and datetimes", async () => {
    const client = odooClient(emu, protocol);
    const [id] = await client.create("res.partner", [{ name: "No Mail Ltd", is_company: true }]);
    const [rec] = await client.read("res.partner", [id as number], ["email", "country_id", "parent_id", "write_date"]);
    expect(rec?.email).toBe(false);
    expect(odooString(rec?.email)).toBeNull();
    expect(many2one(rec?.parent_id)).toBeNull();
    expect(parseOdooDatetime(rec?.write_date)).toBeInstanceOf(Date);
    const withCountry = await client.searchPage("res.partner", { domain: [["country_id", "!=", false]], fields: ["country_id"], limit: 1 });
    expect(many2one(withCountry[0]?.country_id)).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
  });

  it("writes, reads back and unlinks", async () => {
    const client = odooClient(emu, protocol);
    const [id] = await client.create("res.partner", [{ name: "Temp", email: "temp@bridge.io" }]);
    expect(await client.write("res.partner", [id as number], { email: "temp2@bridge.io" })).toBe(true);
    expect((await client.read("res.partner", [id as number], ["email"]))[0]?.email).toBe("temp2@bridge.io");
    expect(await client.unlink("res.partner", [id as number])).toBe(true);
    // Like Odoo, read() skips deleted ids silently; write() on them raises MissingError.
    expect(await client.read("res.partner", [id as number], ["email"])).toEqual([]);
    await expect(client.write("res.partner", [id as number], { name: "Gone" })).rejects.toBeInstanceOf(OdooMissingError);
  });

  it("describes fields", async () => {
    const fields = await odooClient(emu, protocol).fieldsGet("res.partner");
    expect(fields.email?.type).toBe("char");
    expect(fields.country_id).toMatchObject({ type: "many2one", relation: "res.country" });
  });

  it("maps private methods, unknown models and bad values to typed errors", async () => {
    const client = odooClient(emu, protocol);
    const priv = await client.call("res.partner", "_compute_display_name", { ids: [1] }).catch((e: unknown) => e);
    expect(priv).toBeInstanceOf(OdooAccessError);
    await expect(client.searchCount("res.nothing")).rejects.toBeInstanceOf(OdooMissingError);
    const bad = await client.create("res.partner", [{ name: "X", no_such_field: 1 }]).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OdooValidationError);
    expect((bad as OdooValidationError).odooName).not.toBe("");
  });

  it("retries an injected 502 and succeeds", async () => {
    let retries = 0;
    const client = odooClient(emu, protocol, {
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      onRetry: (info) => {
        retries++;
        expect(info.error).toBeInstanceOf(OdooTransientError);
        expect(info.error.status).toBe(502);
      },
      // The fault stays on for exactly the first attempt.
      sleep: async () => void (await emulatorAdmin(emu, "faults", { fault_rate: 0 })),
    });
    await client.authenticate();
    await emulatorAdmin(emu, "faults", { fault_rate: 1, fault_kinds: ["502"] });
    expect(await client.searchCount("res.partner")).toBeGreaterThan(0);
    expect(retries).toBe(1);
  });

  it("times out a hung request: reads are retried, creates are not (they may have committed)", async () => {
    const client = odooClient(emu, protocol, {
      timeoutMs: 200,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      sleep: async () => void (await emulatorAdmin(emu, "faults", { fault_rate: 0 })),
    });
    await client.authenticate();
    await emulatorAdmin(emu, "faults", { fault_rate: 1, fault_kinds: ["timeout"] });
    expect(await client.searchCount("res.partner")).toBeGreaterThan(0);
    await emulatorAdmin(emu, "faults", { fault_rate: 1, fault_kinds: ["timeout"] });
    try {
      const err = await client.create("res.partner", [{ name: "Maybe Twice" }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OdooTransientError);
      expect((err as OdooTransientError).ambiguous).toBe(true);
    } finally {
      await emulatorAdmin(emu, "faults", { fault_rate: 0 });
    }
  });

  it("gives up after the retry limit with the transient error", async () => {
    const client = odooClient(emu, protocol, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await client.authenticate();
    await emulatorAdmin(emu, "faults", { fault_rate: 1, fault_kinds: ["503"] });
    try {
      await expect(client.searchCount("res.partner")).rejects.toBeInstanceOf(OdooTransientError);
    } finally {
      await emulatorAdmin(emu, "faults", { fault_rate: 0 });
    }
  });

  it("re-authenticates after an expired session", async () => {
    const client = odooClient(emu, protocol, { sleep: async () => void (await emulatorAdmin(emu, "faults", { fault_rate: 0 })) });
    await client.authenticate();
    await emulatorAdmin(emu, "faults", { fault_rate: 1, fault_kinds: ["session-expired"] });
    const count = client.searchCount("res.partner");
    // The immediate re-login hits the fault too, then backoff turns it off: the call still completes.
    expect(await count).toBeGreaterThan(0);
    await emulatorAdmin(emu, "faults", { fault_rate: 0 });
  });
});
