import { invalidResource } from "./problem.js";

// count (default 10, max 1000) and offset. Out-of-range values are refused rather than silently clamped:
// a client that asks for 5000 would otherwise believe it read everything.

export interface Paging {
  count: number;
  offset: number;
}

export function parsePaging(query: URLSearchParams): Paging {
  const count = readInt(query, "count", 10);
  const offset = readInt(query, "offset", 0);
  if (count < 0 || count > 1000) {
    throw invalidResource([{ field: "count", message: "Count must be between 0 and 1000." }]);
  }
  if (offset < 0) throw invalidResource([{ field: "offset", message: "Offset must be 0 or greater." }]);
  return { count, offset };
}

function readInt(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) {
    throw invalidResource([{ field: name, message: `Schema describes integer, string found instead` }]);
  }
  return Number(raw);
}

export function page<T>(items: T[], paging: Paging): T[] {
  return items.slice(paging.offset, paging.offset + paging.count);
}
