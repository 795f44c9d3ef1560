import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One statement per page: Mailchimp's status onto every sync_records row the engine has for these addresses. */
export async function updateMemberStatuses(prisma: PrismaClient, audienceId: string, members: Array<{ email: string; status: string }>): Promise<number> {
  if (members.length === 0) return 0;
  return prisma.$executeRaw`
    UPDATE sync_records AS s SET member_status = v.status, updated_at = now()
    FROM unnest(${members.map((m) => m.email)}::text[], ${members.map((m) => m.status)}::text[]) AS v(email, status)
    WHERE s.audience_id = ${audienceId} AND s.email = v.email AND s.member_status IS DISTINCT FROM v.status`;
}
