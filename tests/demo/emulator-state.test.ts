import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { startMailchimpEmulator } from "@/emulators/mailchimp/server";
import { restoreMailchimpState, saveMailchimpState } from "@/emulators/mailchimp/state-file";
import { startOdooEmulator } from "@/emulators/odoo/server";
import { restoreOdooState, saveOdooState } from "@/emulators/odoo/state-file";
import { MailchimpClient } from "@/lib/mailchimp";
import { OdooClient } from "@/lib/odoo";
import { startEmulators } from "@/scripts/lib/emulators";
import { prepareEmulatorState } from "@/scripts/lib/prepare-emulator-state";

// Issue 14, "The demo forgets its sync state on restart": the emulators save their state under .data/ and a
// restarted one answers as the old one would have (scripts/demo.ts; --fresh deletes the files).
const dir = mkdtempSync(path.join(tmpdir(), "emulator-state-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const odooClient = (emu: Awaited<ReturnType<typeof startOdooEmulator>>) =>
  new OdooClient({ url: emu.url, db: emu.db, username: emu.login, apiKey: emu.apiKey, protocol: "jsonrpc" }, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });

it("restores Odoo's rows, ids and blacklist as they were saved", async () => {
  const file = path.join(dir, "odoo.json");
  const first = await startOdooEmulator({ port: 0, fixture: "tests/sync/fixtures/plan-business.json" });
  const odoo = odooClient(first);
  await odoo.write("res.partner", [130], { phone: "+32 470 00 00 01" });
  const [created] = await odoo.create("res.partner", [{ name: "Saved Person", email: "saved@gmail.com" }]);
  await odoo.create("mail.blacklist", [{ email: "saved@gmail.com" }]);
  saveOdooState(first.store, file);
  await first.close();

  const second = await startOdooEmulator({ port: 0, fixture: "tests/sync/fixtures/plan-business.json" });
  expect(restoreOdooState(second.store, file)).toBe(true);
  const again = odooClient(second);
  const [jane] = await again.read<{ id: number; phone: string }>("res.partner", [130], ["phone"]);
  expect(jane?.phone).toBe("+32 470 00 00 01");
  const [saved] = await again.read<{ id: number; is_blacklisted: boolean }>("res.partner", [created as number], ["is_blacklisted"]);
  expect(saved?.is_blacklisted).toBe(true);
  const [next] = await again.create("res.partner", [{ name: "After Restart" }]);
  expect(next).toBe((created as number) + 1);
  await second.close();
});

it("restores Mailchimp's members, tags and webhooks as they were saved, and starts over without the file", async () => {
  const file = path.join(dir, "mailchimp.json");
  const first = await startMailchimpEmulator({ port: 0, lists: 1 });
  const client = new MailchimpClient({ apiKey: first.apiKey, baseUrl: first.url });
  const listId = (await client.lists.all())[0]?.id as string;
  await client.members.upsert(listId, { email_address: "kept@gmail.com", status_if_new: "transactional", merge_fields: { FNAME: "Kept" } });
  saveMailchimpState(first.state, file);
  await first.close();

  const second = await startMailchimpEmulator({ port: 0, lists: 1 });
  expect(restoreMailchimpState(second.state, file)).toBe(true);
  const again = new MailchimpClient({ apiKey: second.apiKey, baseUrl: second.url });
  expect((await again.lists.all()).map((l) => l.id)).toEqual([listId]);
  const member = await again.members.get(listId, "kept@gmail.com");
  expect(member).toMatchObject({ email_address: "kept@gmail.com", status: "transactional", merge_fields: { FNAME: "Kept" } });
  await second.close();

  const fresh = await startMailchimpEmulator({ port: 0, lists: 1 });
  expect(restoreMailchimpState(fresh.state, path.join(dir, "missing.json"))).toBe(false);
  await fresh.close();
});

it("the emulator programs restore with --state what they saved when stopped, as the restarted demo starts them", async () => {
  const state = (name: string) => ["--state", path.join(dir, `program-${name}.json`)];
  const start = () => startEmulators({
    odooArgs: ["--port", "0", "--fixture", "tests/sync/fixtures/plan-business.json", ...state("odoo")],
    mailchimpArgs: ["--port", "0", "--lists", "1", ...state("mailchimp")],
    onLog: () => {},
  });
  const clients = (e: Awaited<ReturnType<typeof start>>) => ({
    odoo: new OdooClient({ url: e.odoo.url, db: e.odoo.db, username: e.odoo.login, apiKey: e.odoo.apiKey, protocol: "jsonrpc" }, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }),
    mailchimp: new MailchimpClient({ apiKey: e.mailchimp.apiKey, baseUrl: e.mailchimp.url }),
  });
  const first = await start();
  const before = clients(first);
  await before.odoo.write("res.partner", [130], { phone: "+32 470 00 00 02" });
  const listId = (await before.mailchimp.lists.all())[0]?.id as string;
  await before.mailchimp.members.upsert(listId, { email_address: "program@gmail.com", status_if_new: "subscribed" });
  await first.stop();

  const second = await start();
  try {
    const after = clients(second);
    const [jane] = await after.odoo.read<{ id: number; phone: string }>("res.partner", [130], ["phone"]);
    expect(jane?.phone).toBe("+32 470 00 00 02");
    expect(await after.mailchimp.members.get(listId, "program@gmail.com")).toMatchObject({ email_address: "program@gmail.com", status: "subscribed" });
  } finally {
    await second.stop();
  }
});

it("continues from the saved files, and --fresh deletes them and the webhook secret so the demo starts over", () => {
  const data = path.join(dir, "data");
  expect(prepareEmulatorState(data, []).continuing).toBe(false);
  const files = prepareEmulatorState(data, []);
  mkdirSync(files.dir, { recursive: true });
  for (const f of [files.odoo, files.mailchimp, path.join(files.dir, "webhook-secret")]) writeFileSync(f, "{}");
  expect(prepareEmulatorState(data, ["--port", "3000"])).toMatchObject({ continuing: true, odoo: path.join(data, "emulators", "odoo.json") });
  expect(prepareEmulatorState(data, ["--fresh"]).continuing).toBe(false);
  expect(existsSync(files.dir)).toBe(false);
});
