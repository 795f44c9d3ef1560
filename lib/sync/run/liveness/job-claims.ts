import type { Logger } from "pino";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "../db";

/**
 * The jobs a worker runs right now, under its id: what another worker hands on if this one dies. A claim left
 * behind by a failed release is harmless: it is acted on only if this worker dies, and the job it names is then
 * finished (a batch already done is skipped).
 */
export interface JobClaims {
  claim(queue: string, jobId: string, data: unknown): Promise<void>;
  release(jobId: string): Promise<void>;
}

export function jobClaims(prisma: Db, workerId: string, log: Logger): JobClaims {
  return {
    async claim(queue, jobId, data) {
      const json = data as Prisma.InputJsonValue;
      await prisma.syncJobClaim.upsert({
        where: { jobId },
        create: { jobId, queue, workerId, data: json },
        update: { workerId, queue, data: json, claimedAt: new Date() },
      });
    },
    async release(jobId) {
      await prisma.syncJobClaim.deleteMany({ where: { jobId, workerId } }).catch((err: unknown) => {
        log.warn({ err, jobId }, "could not release a job claim (it is only acted on if this worker dies)");
      });
    },
  };
}
