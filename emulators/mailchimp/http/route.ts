import type { Emulator } from "../core/emulator.js";
import type { Source } from "../core/types.js";

// The contract every /3.0 handler follows; batches call the same handlers, so both paths behave alike.

export interface RouteContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  source: Source;
  emulator: Emulator;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  template: string;
  handler: (ctx: RouteContext) => Reply | Promise<Reply>;
  // How many records (members, operations) the request carries; drives --per-record-ms and the stats.
  records?: (body: unknown) => number;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const noContent = (): Reply => ({ status: 204 });

export function arrayLength(body: unknown, key: string): number {
  if (body === null || typeof body !== "object") return 1;
  const value = (body as Record<string, unknown>)[key];
  return Array.isArray(value) ? Math.max(1, value.length) : 1;
}
