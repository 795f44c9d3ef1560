import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { buildSlackPayload } from "./slack-payload";
import { ALERT_DELIVER_JOB, deliverJobData, type DeliverJobData } from "./jobs";

export interface DeliveryDeps {
  prisma: PrismaClient;
  /** ALERT_WEBHOOK_URL: a secret (it embeds the receiver's token); never logged or shown. */
  url: string;
  /** NEXTAUTH_URL, for links back to the console. */
  consoleUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class DeliveryFailed extends Error {
  override name = "DeliveryFailed";
}

/** POSTs one alert event; anything but a 2xx throws, and pg-boss retries the job with backoff. */
export async function deliverAlert(deps: DeliveryDeps, data: DeliverJobData): Promise<void> {
  const alert = await deps.prisma.alert.findUnique({ where: { id: BigInt(data.alertId) } });
  if (!alert) return;
  const payload = buildSlackPayload(alert, data.event, deps.consoleUrl);
  const res = await (deps.fetch ?? fetch)(deps.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
  });
  // The receiver's body may echo the URL's token: only the status is kept.
  if (!res.ok) throw new DeliveryFailed(`alert webhook answered ${res.status}`);
  await res.body?.cancel();
}

export async function registerAlertDelivery(boss: PgBoss, deps: DeliveryDeps, opts: { pollingIntervalSeconds: number }): Promise<void> {
  await boss.work<unknown>(ALERT_DELIVER_JOB, { pollingIntervalSeconds: opts.pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await deliverAlert(deps, deliverJobData.parse(job.data));
  });
}
