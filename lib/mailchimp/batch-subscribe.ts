import { classifyMemberError, type MemberError, type RawMemberError } from "./batch-errors";
import type { Runner } from "./runner";
import type { BatchMember, Member } from "./types";

export const MAX_BATCH_SUBSCRIBE = 500;

export interface BatchSubscribeOptions {
  /** Update members that already exist (otherwise they come back as member_exists errors). */
  updateExisting: boolean;
  syncTags?: boolean;
  skipMergeValidation?: boolean;
  skipDuplicateCheck?: boolean;
}

export interface BatchSubscribeResult {
  newMembers: Member[];
  updatedMembers: Member[];
  /** Per-member failures, classified with the same kinds as single calls. The call itself answered 200. */
  errors: MemberError[];
  totalCreated: number;
  totalUpdated: number;
  errorCount: number;
}

interface RawBatchSubscribe {
  new_members?: Member[];
  updated_members?: Member[];
  errors?: RawMemberError[];
  total_created?: number;
  total_updated?: number;
  error_count?: number;
}

/** POST /lists/{id}: up to 500 members per call, checked here before anything is sent. */
export function createBatchSubscribe(run: Runner) {
  return async (listId: string, members: BatchMember[], opts: BatchSubscribeOptions): Promise<BatchSubscribeResult> => {
    if (members.length > MAX_BATCH_SUBSCRIBE) {
      throw new RangeError(`batch subscribe takes at most ${MAX_BATCH_SUBSCRIBE} members, got ${members.length}`);
    }
    const body = { members, update_existing: opts.updateExisting, ...(opts.syncTags === undefined ? {} : { sync_tags: opts.syncTags }) };
    const query = { skip_merge_validation: opts.skipMergeValidation, skip_duplicate_check: opts.skipDuplicateCheck };
    const raw = await run<RawBatchSubscribe>((s) => s.lists.batchListMembers(listId, body, query));
    const errors = (raw.errors ?? []).map(classifyMemberError);
    return {
      newMembers: raw.new_members ?? [],
      updatedMembers: raw.updated_members ?? [],
      errors,
      totalCreated: raw.total_created ?? 0,
      totalUpdated: raw.total_updated ?? 0,
      errorCount: raw.error_count ?? errors.length,
    };
  };
}
