import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getPrisma } from "./client";

export interface DatabaseHealth {
  status: "up" | "down";
  latencyMs?: number;
  error?: string;
}

/** A bounded round trip: a hung database must not hang the health check past its caller's timeout. */
export async function checkDatabase(options: { prisma?: PrismaClient; timeoutMs?: number } = {}): Promise<DatabaseHealth> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const started = performance.now();
  try {
    await Promise.race([
      (options.prisma ?? getPrisma()).$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: "down", error: describeDatabaseError(error) };
  }
}

type AdapterCause = { kind?: unknown; host?: unknown; port?: unknown; originalMessage?: unknown };

function adapterCause(error: unknown): AdapterCause | undefined {
  return (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } } | null)?.meta?.driverAdapterError?.cause;
}

/** Prisma's and pg's ways of saying "no database to talk to", as opposed to a bad query. */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TlsConnectionError", "DatabaseDoesNotExist"]);

/** node-postgres' words when the server ends a session under it (a restart, a terminated backend): no code. */
const TERMINATED = /^Connection terminated( unexpectedly| due to connection timeout)?$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const kind = adapterCause(error)?.kind;
  return (typeof code === "string" && UNAVAILABLE_CODES.has(code)) || (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) || (error instanceof Error && TERMINATED.test(error.message));
}

/**
 * One line naming the cause (refused, timeout, auth) without echoing the connection string. The health check
 * used to answer 503 with an empty reason: Prisma's message starts with a newline, and a refused connection to a
 * host with several addresses is an AggregateError with no message of its own.
 */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return "unreachable";
  const cause = adapterCause(error);
  if (typeof cause?.kind === "string") {
    const where = typeof cause.host === "string" ? ` (${cause.host}${cause.port === undefined ? "" : `:${String(cause.port)}`})` : "";
    const detail = typeof cause.originalMessage === "string" ? `: ${cause.originalMessage}` : "";
    return `${cause.kind}${where}${detail}`.slice(0, 200);
  }
  const line = error.message.split("\n").map((l) => l.trim()).find((l) => l !== "" && !l.startsWith("Invalid `"));
  if (line) return line.replace(/postgres(ql)?:\/\/\S+/g, "<database url>").slice(0, 200);
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && code) return code;
  const inner = error instanceof AggregateError ? error.errors[0] : (error as { cause?: unknown }).cause;
  if (inner !== undefined && inner !== error) {
    const described = describeDatabaseError(inner);
    if (described !== "unreachable") return described;
  }
  return error.name || "unreachable";
}
