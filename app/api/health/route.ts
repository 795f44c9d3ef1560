/**
 * GET /api/health — public liveness and database check for load balancers and `npm run demo`.
 * 200 {status:"ok"} when Postgres answers, 503 {status:"degraded"} with the reason (e.g. DatabaseNotReachable) when
 * it does not. Reveals no data and no connection string.
 */
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const ok = database.status === "up";
  return NextResponse.json(
    { status: ok ? "ok" : "degraded", database, time: new Date().toISOString() },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
