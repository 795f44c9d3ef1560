import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "../types";

type Db = Prisma.TransactionClient;

/**
 * A person changed their address in Mailchimp. Odoo owns identity, so Bridgeline does not copy it: ops decide
 * (update the partner in Odoo, or not). One exception row per old -> new change, however often it is reported.
 * Meanwhile the engine's record of the old address is marked moved (sync_records.moved_to): the planner no
 * longer writes to it, and consent given or withdrawn at the new address is written back for the old one too.
 */
export async function raiseEmailChanged(db: Db, args: { audienceId: string; oldEmail: string; newEmail: string; eventId: bigint }) {
  const oldEmail = normalizeEmail(args.oldEmail);
  const newEmail = normalizeEmail(args.newEmail);
  const record = await db.syncRecord.findUnique({ where: { audienceId_email: { audienceId: args.audienceId, email: oldEmail } } });
  const partnerIds = record?.partnerIds ?? [];
  // The member now answers to the new address: the old one must not be written to (a PUT would re-create it).
  // A second change (new -> newer) moves the records that followed the first one too.
  await db.syncRecord.updateMany({ where: { audienceId: args.audienceId, OR: [{ email: oldEmail }, { movedTo: oldEmail }] }, data: { movedTo: newEmail } });
  const detail = { old_email: oldEmail, new_email: newEmail, event_id: args.eventId.toString(), known_to_engine: record !== null };
  await db.syncException.upsert({
    where: { fingerprint: `email_changed_in_mailchimp:${args.audienceId}:${oldEmail}:${newEmail}` },
    create: {
      kind: "email_changed_in_mailchimp",
      fingerprint: `email_changed_in_mailchimp:${args.audienceId}:${oldEmail}:${newEmail}`,
      audienceId: args.audienceId,
      email: oldEmail,
      partnerIds,
      detail,
    },
    update: { occurrences: { increment: 1 }, detail, partnerIds, lastSeenAt: new Date(), status: "open", resolvedAt: null, resolvedById: null },
  });
}
