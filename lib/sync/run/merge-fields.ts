import { createHash } from "node:crypto";
import { withRetry, type BatchOperationInput, type MailchimpClient, type MergeFieldInput, type PollOptions, type RetryPolicy } from "@/lib/mailchimp";
import { ENGINE_MERGE_FIELDS, type EngineMergeField } from "@/lib/sync/policy/merge-fields";
import type { Db } from "./db";

/**
 * Up to this many missing fields are created with one request each; more travel in one /batches submission,
 * which costs a submission and its polls whatever its size. Fresh audiences miss all of the engine's fields
 * (4 audiences x 6 fields: 24 requests one by one, ~3 as a batch).
 */
const DIRECT_CREATE_MAX = 2;

/**
 * Makes sure every audience a run writes to has the engine's merge fields: batch subscribe refuses unknown
 * merge tags. One GET per audience, then the missing fields of every audience asked about together. An audience
 * set up for this field list is remembered in Postgres (sync_cursors, `mailchimp.merge-fields:<audience>`), so
 * other worker processes skip it; full runs check again (someone may have deleted a field in Mailchimp).
 */
export class MergeFieldEnsurer {
  private readonly done = new Map<string, Promise<void>>();
  /** Audiences whose set-up finished (here or, per Postgres, in another process): what a full run checks again. */
  private readonly settled = new Set<string>();
  private readonly signature: string;

  constructor(
    private readonly client: MailchimpClient,
    /** memo: a namespace of its own for another field set (lib/commerce's purchase fields), so the two memos never clash. */
    private readonly opts: { retry: RetryPolicy; poll: PollOptions; prisma?: Db; memo?: string },
    private readonly fields: readonly EngineMergeField[] = ENGINE_MERGE_FIELDS,
  ) {
    this.signature = createHash("sha256").update(JSON.stringify(fields.map(toInput))).digest("hex").slice(0, 16);
  }

  async ensure(audienceIds: Iterable<string>, o: { verify?: boolean } = {}): Promise<void> {
    const ids = [...new Set(audienceIds)];
    if (o.verify) for (const id of ids) if (this.settled.delete(id)) this.done.delete(id);
    const remembered = o.verify ? new Set<string>() : await this.remembered(ids.filter((id) => !this.done.has(id)));
    for (const id of remembered) {
      this.done.set(id, Promise.resolve());
      this.settled.add(id);
    }
    const fresh = ids.filter((id) => !this.done.has(id));
    if (fresh.length > 0) {
      const pending = this.createMissing(fresh)
        .then(() => this.remember(fresh))
        .then(() => fresh.forEach((id) => this.settled.add(id)));
      for (const id of fresh) {
        this.done.set(id, pending.catch((err: unknown) => {
          // A failure is not remembered: the next run asks again.
          this.done.delete(id);
          throw err;
        }));
      }
    }
    await Promise.all(ids.map((id) => this.done.get(id)));
  }

  private async remembered(ids: string[]): Promise<Set<string>> {
    if (!this.opts.prisma || ids.length === 0) return new Set();
    const prefix = this.memoPrefix();
    const rows = await this.opts.prisma.syncCursor.findMany({ where: { key: { in: ids.map((id) => prefix + id) }, value: this.signature } });
    return new Set(rows.map((r) => r.key.slice(prefix.length)));
  }

  private async remember(ids: string[]): Promise<void> {
    const prisma = this.opts.prisma;
    if (!prisma) return;
    for (const id of ids) {
      const key = this.memoPrefix() + id;
      await prisma.syncCursor.upsert({ where: { key }, create: { key, value: this.signature }, update: { value: this.signature } });
    }
  }

  private memoPrefix(): string {
    return this.opts.memo ? `${MEMO_PREFIX}${this.opts.memo}:` : MEMO_PREFIX;
  }

  private async createMissing(audienceIds: string[]): Promise<void> {
    const { retry } = this.opts;
    const missing = (await Promise.all(audienceIds.map(async (audienceId) => {
      const existing = await withRetry(() => this.client.mergeFields.list(audienceId), retry);
      const tags = new Set(existing.map((f) => f.tag.toUpperCase()));
      return this.fields.filter((f) => !tags.has(f.tag.toUpperCase())).map((field) => ({ audienceId, field }));
    }))).flat();
    if (missing.length === 0) return;
    if (missing.length <= DIRECT_CREATE_MAX) {
      for (const { audienceId, field } of missing) await withRetry(() => this.client.mergeFields.create(audienceId, toInput(field)), retry);
      return;
    }
    const ops: BatchOperationInput[] = missing.map(({ audienceId, field }, i) => ({
      method: "POST", path: `/lists/${audienceId}/merge-fields`, body: toInput(field), operation_id: `f:${i}`,
    }));
    const { batches } = this.client;
    const started = await withRetry(() => batches.start(ops), retry);
    const finished = await withRetry(() => batches.poll(started.id, this.opts.poll), retry);
    const failed = (await withRetry(() => batches.results(finished), retry)).filter((r) => !r.ok && !alreadyThere(r.body));
    if (failed.length > 0) {
      const first = failed[0]!;
      throw new Error(`Creating ${failed.length} merge field(s) failed: ${first.operationId}: ${first.error?.message ?? "unknown error"}`);
    }
  }
}

const MEMO_PREFIX = "mailchimp.merge-fields:";

/** Another process created the same field between our GET and the batch: the field is there, which is the goal. */
function alreadyThere(body: unknown): boolean {
  return /already exists/i.test(JSON.stringify(body ?? ""));
}

function toInput(field: EngineMergeField): MergeFieldInput {
  return {
    tag: field.tag,
    name: field.name,
    type: field.type,
    required: false,
    ...(field.dateFormat ? { options: { date_format: field.dateFormat } } : {}),
  };
}
