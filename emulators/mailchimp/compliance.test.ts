import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { md5, startTestApi, type TestApi } from "./test-support/api.js";
import { manualClock } from "./test-support/manual-clock.js";

// mailchimp-api.md: "Unsubscribed/bounced member set to subscribed: 400 Member In Compliance State", whatever
// the endpoint. The /batches case is read from the gzipped tar the batch publishes.

const DETAIL = (email: string) => `${email} is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed.`;

// Minimal ustar reader: 512-byte headers, octal size at offset 124, data padded to 512.
function readTar(gz: Buffer): Map<string, string> {
  const tar = gunzipSync(gz);
  const files = new Map<string, string>();
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar.subarray(offset, offset + 100).toString("utf8").replace(/\0.*$/s, "");
    if (!name) break;
    const size = parseInt(tar.subarray(offset + 124, offset + 136).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    files.set(name, tar.subarray(offset + 512, offset + 512 + size).toString("utf8"));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

let api: TestApi;
let listId: string;
// /batches run on a clock the test moves, so a batch is finished when the test has given it the time.
const clock = manualClock();
const email = "gone.away@acme.io";

beforeAll(async () => {
  api = await startTestApi({ batchPhaseMs: 5, batchClock: clock });
  listId = await api.newList();
  await api.call("PUT", `/lists/${listId}/members/${md5(email)}`, { email_address: email, status_if_new: "subscribed" });
  const unsub = await api.call("PATCH", `/lists/${listId}/members/${md5(email)}`, { status: "unsubscribed" });
  expect(unsub.body.status).toBe("unsubscribed");
});
afterAll(() => api.emu.close());

describe("an unsubscribed member cannot be subscribed again through the API", () => {
  it("PUT with status subscribed", async () => {
    const res = await api.call("PUT", `/lists/${listId}/members/${md5(email)}`, { email_address: email, status_if_new: "subscribed", status: "subscribed" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ title: "Member In Compliance State", detail: DETAIL(email) });
  });
  it("PATCH with status subscribed", async () => {
    const res = await api.call("PATCH", `/lists/${listId}/members/${md5(email)}`, { status: "subscribed" });
    expect(res.body.title).toBe("Member In Compliance State");
  });
  it("POST of an archived unsubscribed contact (POST on a live one is Member Exists)", async () => {
    const other = "left.then.archived@acme.io";
    await api.call("POST", `/lists/${listId}/members`, { email_address: other, status: "unsubscribed" });
    expect((await api.call("POST", `/lists/${listId}/members`, { email_address: other, status: "subscribed" })).body.title).toBe("Member Exists");
    expect((await api.call("DELETE", `/lists/${listId}/members/${md5(other)}`)).status).toBe(204);
    const res = await api.call("POST", `/lists/${listId}/members`, { email_address: other, status: "subscribed" });
    expect(res.body.title).toBe("Member In Compliance State");
  });
  it("batch subscribe reports it per member inside errors[] with a 200", async () => {
    const res = await api.call("POST", `/lists/${listId}`, { members: [{ email_address: email, status: "subscribed" }, { email_address: "fresh@acme.io", status: "subscribed" }], update_existing: true });
    expect(res.status).toBe(200);
    expect(res.body.total_created).toBe(1);
    expect(res.body.error_count).toBe(1);
    expect(res.body.errors[0]).toMatchObject({ email_address: email, error_code: "ERROR_GENERIC", error: DETAIL(email) });
  });
  it("pending (double opt-in) stays allowed for an unsubscribed member", async () => {
    const other = "reoptin@acme.io";
    await api.call("POST", `/lists/${listId}/members`, { email_address: other, status: "unsubscribed" });
    const res = await api.call("PATCH", `/lists/${listId}/members/${md5(other)}`, { status: "pending" });
    expect(res.body.status).toBe("pending");
  });
  it("/batches: the operation's result inside the tar archive", async () => {
    const submit = await api.call("POST", "/batches", { operations: [
      { method: "PUT", path: `/lists/${listId}/members/${md5(email)}`, operation_id: "op-1", body: JSON.stringify({ email_address: email, status_if_new: "subscribed", status: "subscribed" }) },
    ] });
    expect(submit.status).toBe(200);
    // Both phases and the operation fit in a second of batch time.
    await clock.advance(1_000);
    const batch = (await api.call("GET", `/batches/${submit.body.id}`)).body;
    expect(batch).toMatchObject({ status: "finished", total_operations: 1, finished_operations: 1, errored_operations: 1 });
    expect(batch.response_body_url).not.toContain("server");
    const archive = Buffer.from(await (await fetch(batch.response_body_url)).arrayBuffer());
    const results = [...readTar(archive).entries()].filter(([n]) => n.endsWith(".json")).flatMap(([, text]) => JSON.parse(text));
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status_code: 400, operation_id: "op-1" });
    expect(JSON.parse(results[0].response)).toMatchObject({ title: "Member In Compliance State", detail: DETAIL(email) });
  });
});

describe("cleaned members", () => {
  it("can be neither subscribed nor sent to pending", async () => {
    const bounced = "bounced@acme.io";
    await api.call("POST", `/lists/${listId}/members`, { email_address: bounced, status: "subscribed" });
    await api.control("POST", `/lists/${listId}/members/${md5(bounced)}/actions/bounce`, {});
    for (const status of ["subscribed", "pending"]) {
      const res = await api.call("PATCH", `/lists/${listId}/members/${md5(bounced)}`, { status });
      expect(res.body.title).toBe("Member In Compliance State");
    }
  });
});
