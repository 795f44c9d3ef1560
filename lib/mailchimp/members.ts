import { createHash } from "node:crypto";
import { MailchimpError } from "./errors";
import type { Runner } from "./runner";
import type { Member, MemberPutBody, MemberStatus, TagChange } from "./types";

/** Mailchimp's member id: md5 of the lowercased address. */
export function subscriberHash(email: string): string {
  return createHash("md5").update(email.trim().toLowerCase()).digest("hex");
}

export interface ListMembersOptions {
  /** 1..1000 (Mailchimp's maximum). */
  count?: number;
  offset?: number;
  status?: MemberStatus;
  /** Only members changed after this instant (Mailchimp compares to last_changed). */
  sinceLastChanged?: Date | string;
  fields?: string[];
}

export interface MembersPage {
  members: Member[];
  total_items: number;
}

export const MAX_MEMBERS_PAGE = 1000;

export function createMembersApi(run: Runner) {
  const list = async (listId: string, opts: ListMembersOptions = {}): Promise<MembersPage> => {
    const count = opts.count ?? MAX_MEMBERS_PAGE;
    if (!Number.isInteger(count) || count < 1 || count > MAX_MEMBERS_PAGE) throw new RangeError(`count must be 1..1000, got ${count}`);
    const query = {
      count,
      offset: opts.offset ?? 0,
      status: opts.status,
      since_last_changed: opts.sinceLastChanged instanceof Date ? opts.sinceLastChanged.toISOString() : opts.sinceLastChanged,
      fields: opts.fields,
    };
    return run<MembersPage>((s) => s.lists.getListMembersInfo(listId, query));
  };

  return {
    list,
    /** Offset paging until total_items is reached; a page shorter than asked also ends the walk. */
    async *pages(listId: string, opts: Omit<ListMembersOptions, "offset"> = {}): AsyncGenerator<Member[]> {
      const count = opts.count ?? MAX_MEMBERS_PAGE;
      for (let offset = 0; ; offset += count) {
        const page = await list(listId, { ...opts, count, offset });
        if (page.members.length > 0) yield page.members;
        if (page.members.length < count || offset + count >= page.total_items) return;
      }
    },
    /** The member, or null when the address is not on the list. */
    async get(listId: string, email: string): Promise<Member | null> {
      try {
        return await run<Member>((s) => s.lists.getListMember(listId, subscriberHash(email)));
      } catch (err) {
        if (err instanceof MailchimpError && err.kind === "not_found") return null;
        throw err;
      }
    },
    /** PUT upsert. status_if_new applies to new members; `status` (if sent) rewrites an existing member's consent. */
    upsert: (listId: string, body: MemberPutBody, opts: { skipMergeValidation?: boolean } = {}) =>
      run<Member>((s) =>
        s.lists.setListMember(listId, subscriberHash(body.email_address), body, { skip_merge_validation: opts.skipMergeValidation }),
      ),
    /** 204 on success; not_found when the address is not a member. */
    updateTags: async (listId: string, email: string, tags: TagChange[], opts: { isSyncing?: boolean } = {}) => {
      const body = opts.isSyncing === undefined ? { tags } : { tags, is_syncing: opts.isSyncing };
      await run<null>((s) => s.lists.updateListMemberTags(listId, subscriberHash(email), body));
    },
  };
}
