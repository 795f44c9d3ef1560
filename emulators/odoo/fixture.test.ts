// Fixture loading from a file, and loud failures for fixture mistakes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { FIXTURE } from "./fixture-data.js";
import { ok, start } from "./testkit.js";

it("loads a fixture file with many2one given as id or [id, name]", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "odoo-fx-")), "fixture.json");
  writeFileSync(file, JSON.stringify(FIXTURE));
  const emu = await start({ fixture: file });
  try {
    expect(await ok(emu, "res.partner", "search_count", [[]], { context: { active_test: false } })).toBe(FIXTURE["res.partner"]!.length);
    const [p] = await ok(emu, "res.partner", "read", [[11], ["parent_id"]]);
    expect(p.parent_id).toEqual([10, "Azure Interior"]);
    const [w] = await ok(emu, "res.partner", "read", [[20], ["write_date"]]);
    expect(w.write_date).toBe("2024-03-01 10:00:00");
  } finally {
    await emu.close();
  }
});

it("rejects unknown models, unknown fields and dangling references", async () => {
  await expect(start({ fixture: { "res.partnr": [] } })).rejects.toThrow(/unknown model/);
  await expect(start({ fixture: { "res.partner": [{ id: 1, name: "x", emial: "a@b.c" }] } })).rejects.toThrow(/unknown field/);
  await expect(start({ fixture: { "res.partner": [{ id: 1, name: "x", parent_id: 5 }] } })).rejects.toThrow(/missing/);
});
