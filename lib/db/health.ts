import { getPrisma } from "./client";

export interface DatabaseHealth {
  status: "up" | "down";
  latencyMs?: number;
  error?: string;
}

/** A bounded round trip: a hung database must not hang the health check past its caller's timeout. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await Promise.race([
      getPrisma().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The message names the cause (refused, timeout, auth) without echoing the connection string.
    return { status: "down", error: (error as Error).message.split("\n")[0]?.slice(0, 200) };
  }
}
