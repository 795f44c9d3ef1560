import { checkTypes, requireFields, requireObjectBody } from "../http/body-checks.js";
import { ApiProblem, invalidResource, notFound } from "../http/problem.js";
import { page, parsePaging } from "../http/paging.js";
import { arrayLength, noContent, ok, type Reply, type Route, type RouteContext } from "../http/route.js";
import type { BatchOperation } from "./batch-types.js";
import { batchView } from "./batch-view.js";

// /batches: submit, poll, list and cancel background batch jobs.

const MAX_PENDING = 500;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function checkOperations(raw: unknown): BatchOperation[] {
  const body = requireObjectBody(raw);
  requireFields(body, ["operations"]);
  checkTypes(body, { operations: "array" });
  return (body.operations as unknown[]).map((entry, i) => {
    const op = requireObjectBody(entry);
    requireFields(op, ["method", "path"], `operations[${i}].`);
    checkTypes(op, { method: "string", path: "string", params: "object", body: "string", operation_id: "string" }, `operations[${i}].`);
    if (!METHODS.includes(op.method as string)) {
      throw invalidResource([{ field: `operations[${i}].method`, message: `Data presented is not one of the accepted values: ${METHODS.join(", ")}.` }]);
    }
    return op as unknown as BatchOperation;
  });
}

function postBatch(ctx: RouteContext): Reply {
  const operations = checkOperations(ctx.body);
  if (ctx.emulator.batches.pendingCount() >= MAX_PENDING) {
    throw new ApiProblem(429, "Too Many Requests", `You have exceeded the limit of ${MAX_PENDING} pending batch operations.`);
  }
  return ok(batchView(ctx.emulator.batches.submit(operations), ctx.emulator.apiOrigin()));
}

function findBatch(ctx: RouteContext) {
  const batch = ctx.emulator.account.batches.get(ctx.params.batch_id as string);
  if (!batch) throw notFound();
  return batch;
}

function listBatches(ctx: RouteContext): Reply {
  const all = [...ctx.emulator.account.batches.values()];
  const origin = ctx.emulator.apiOrigin();
  return ok({ batches: page(all, parsePaging(ctx.query)).map((b) => batchView(b, origin)), total_items: all.length,
    _links: [{ rel: "self", href: `${origin}/batches`, method: "GET" }] });
}

function deleteBatch(ctx: RouteContext): Reply {
  const batch = findBatch(ctx);
  batch.cancelled = true;
  ctx.emulator.account.batches.delete(batch.id);
  ctx.emulator.account.batchResults.delete(batch.id);
  return noContent();
}

export const batchRoutes: Route[] = [
  { method: "GET", template: "/batches", handler: listBatches },
  { method: "POST", template: "/batches", handler: postBatch, records: (b) => arrayLength(b, "operations") },
  { method: "GET", template: "/batches/{batch_id}", handler: (ctx) => ok(batchView(findBatch(ctx), ctx.emulator.apiOrigin())) },
  { method: "DELETE", template: "/batches/{batch_id}", handler: deleteBatch },
];
