import { withRetry, type MailchimpClient, type MergeFieldInput, type RetryPolicy } from "@/lib/mailchimp";
import { ENGINE_MERGE_FIELDS, type EngineMergeField } from "@/lib/sync/policy/merge-fields";

/**
 * Makes sure every audience a run writes to has the engine's merge fields: batch subscribe refuses unknown
 * merge tags. Checked once per audience per process (fields are never deleted by the engine).
 */
export class MergeFieldEnsurer {
  private readonly done = new Map<string, Promise<void>>();

  constructor(
    private readonly client: MailchimpClient,
    private readonly retry: RetryPolicy,
    private readonly fields: readonly EngineMergeField[] = ENGINE_MERGE_FIELDS,
  ) {}

  async ensure(audienceIds: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(audienceIds)].map((id) => this.ensureOne(id)));
  }

  private ensureOne(audienceId: string): Promise<void> {
    let pending = this.done.get(audienceId);
    if (!pending) {
      pending = this.create(audienceId).catch((err: unknown) => {
        this.done.delete(audienceId);
        throw err;
      });
      this.done.set(audienceId, pending);
    }
    return pending;
  }

  private async create(audienceId: string): Promise<void> {
    const existing = await withRetry(() => this.client.mergeFields.list(audienceId), this.retry);
    const tags = new Set(existing.map((f) => f.tag.toUpperCase()));
    for (const field of this.fields) {
      if (tags.has(field.tag.toUpperCase())) continue;
      await withRetry(() => this.client.mergeFields.create(audienceId, toInput(field)), this.retry);
    }
  }
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
