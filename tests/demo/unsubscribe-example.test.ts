import { afterAll, beforeAll, expect, it } from "vitest";
import { startMailchimpEmulator, type RunningMailchimpEmulator } from "@/emulators/mailchimp/server";
import { MailchimpClient } from "@/lib/mailchimp";
import { DEMO_AUDIENCES_FIXTURE } from "@/scripts/lib/emulators";
import { unsubscribeExample } from "@/scripts/lib/demo-sync";

/**
 * The unsubscribe the demo prints must work when pasted: it once pointed at the API's /3.0, which answers 401 to
 * control paths. Run as printed (the URL of the curl command, POST, no body), against the demo's audiences.
 */
let emulator: RunningMailchimpEmulator;
beforeAll(async () => {
  emulator = await startMailchimpEmulator({ lists: DEMO_AUDIENCES_FIXTURE });
});
afterAll(async () => emulator?.close());

it("names a member of the demo business and unsubscribes them through the emulator's control endpoint", async () => {
  expect(await unsubscribeExample(emulator.url)).toBeUndefined();
  const client = new MailchimpClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
  await client.members.upsert("5f1b2c0a03", { email_address: "rosa.parks+news@montgomery.org", status_if_new: "transactional" });

  const example = await unsubscribeExample(emulator.url);
  expect(example?.email).toBe("rosa.parks+news@montgomery.org");
  const [, method, url] = /^curl -X (\w+) (\S+)$/.exec(example?.command ?? "") ?? [];
  expect(url).toBe(`${emulator.baseUrl}/_emulator/lists/5f1b2c0a03/members/rosa.parks%2Bnews@montgomery.org/actions/unsubscribe`);
  const res = await fetch(url as string, { method });
  expect(res.status).toBe(200);
  expect((await client.members.get("5f1b2c0a03", "rosa.parks+news@montgomery.org"))?.status).toBe("unsubscribed");
});
