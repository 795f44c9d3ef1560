import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PlannedRecord } from "@/lib/sync/types";
import type { RunningEmulators } from "@/scripts/lib/emulators";
import { controlJson, mailchimpOrigin } from "./emulators";
import { scaleBaseline } from "./floor";
import type { StepMeasure } from "./steps";
import { apiRequests, maxConnections, memberWrites, readMailchimpStats, resetMailchimpStats, total } from "./stats";

interface Sampled {
  audienceId: string;
  record: PlannedRecord;
}

/**
 * What per-record tools do: one PUT /lists/{id}/members/{hash} with status_if_new per record, ten at a time,
 * sending exactly the payloads the full run planned, into fresh audiences (the emulator is reset). At large sizes
 * a deterministic sample is sent and its time scaled linearly. Tags would cost per-record tools a second call
 * each; the baseline leaves them out, so it is, if anything, flattering to them.
 */
export async function runBaseline(prisma: PrismaClient, emulators: RunningEmulators, fullRunId: string, sampleMax: number): Promise<StepMeasure & { sampled: number; scaled: boolean }> {
  const [{ n }] = await prisma.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM sync_batches b CROSS JOIN LATERAL jsonb_array_elements(b.records) r
      WHERE b.run_id = $1::uuid AND jsonb_typeof(r->'payload') = 'object'`, fullRunId) as [{ n: number }];
  // md5 order: a fixed pseudo-random sample, the same on every machine for the same data.
  const rows = await prisma.$queryRawUnsafe<Array<{ audience_id: string; record: PlannedRecord }>>(
    `SELECT b.audience_id, r AS record FROM sync_batches b CROSS JOIN LATERAL jsonb_array_elements(b.records) r
      WHERE b.run_id = $1::uuid AND jsonb_typeof(r->'payload') = 'object' ORDER BY md5(r->>'email') LIMIT $2`, fullRunId, sampleMax);
  const sample: Sampled[] = rows.map((r) => ({ audienceId: r.audience_id, record: r.record }));
  await freshAudiences(emulators, [...new Set(sample.map((s) => s.audienceId))]);
  await resetMailchimpStats(emulators);
  const t0 = performance.now();
  await sendTenAtATime(emulators, sample);
  const sampleSeconds = (performance.now() - t0) / 1000;
  const stats = await readMailchimpStats(emulators);
  const wallSeconds = scaleBaseline(sampleSeconds, sample.length, n);
  const requests = apiRequests(stats);
  return {
    name: "per-record baseline", status: Object.keys(stats.errors).length === 0 ? "succeeded" : "succeeded with errors",
    records: n, sampled: sample.length, scaled: sample.length < n,
    mailchimpRequests: requests, mailchimpRequestsTotal: Math.round((total(requests) * n) / Math.max(1, sample.length)),
    memberWrites: memberWrites(stats), batchOperations: 0, batchSubmissions: 0, mailchimpErrors: stats.errors,
    maxConnections: maxConnections(stats), odooRequests: 0, wallSeconds, recordsPerSecond: n / wallSeconds,
  };
}

async function sendTenAtATime(e: RunningEmulators, sample: Sampled[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < sample.length) {
      const { audienceId, record } = sample[next++] as Sampled;
      const hash = createHash("md5").update(record.email.toLowerCase()).digest("hex");
      const payload = record.payload as NonNullable<PlannedRecord["payload"]>;
      const body = {
        email_address: record.email, status_if_new: record.statusIfNew, merge_fields: payload.merge_fields,
        ...(payload.language ? { language: payload.language } : {}),
      };
      const res = await api(e, "PUT", `/lists/${audienceId}/members/${hash}`, body);
      // A refusal is the record's problem, not the baseline's: the engine met the same one.
      if (res.status >= 500 || res.status === 429) throw new Error(`baseline PUT ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 10 }, lane));
}

/** Resets the emulator (empty audiences, same ids) and recreates the merge fields the engine had created. */
async function freshAudiences(e: RunningEmulators, audienceIds: string[]): Promise<void> {
  const wanted = new Map<string, Array<Record<string, unknown>>>();
  for (const id of audienceIds) wanted.set(id, await mergeFields(e, id));
  await controlJson<unknown>(mailchimpOrigin(e), "/_emulator/reset", {});
  for (const [id, fields] of wanted) {
    const present = new Set((await mergeFields(e, id)).map((f) => f.tag));
    for (const f of fields.filter((x) => !present.has(x.tag))) {
      const res = await api(e, "POST", `/lists/${id}/merge-fields`, { tag: f.tag, name: f.name, type: f.type, required: f.required, options: f.options });
      if (!res.ok) throw new Error(`recreating merge field ${String(f.tag)}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  }
}

async function mergeFields(e: RunningEmulators, listId: string): Promise<Array<Record<string, unknown>>> {
  const res = await api(e, "GET", `/lists/${listId}/merge-fields?count=1000`);
  if (!res.ok) throw new Error(`merge fields of ${listId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { merge_fields: Array<Record<string, unknown>> }).merge_fields;
}

function api(e: RunningEmulators, method: string, route: string, body?: unknown): Promise<Response> {
  return fetch(`${e.mailchimp.url}${route}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`bench:${e.mailchimp.apiKey}`).toString("base64")}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
