/**
 * The physical floor of a sync step under the Mailchimp emulator's cost model (emulators/mailchimp/core/delay.ts):
 * a request costs latency + perRecord x records it carries; at most `connections` requests run at once; /batches
 * operations run one at a time per account, each at latency + perRecord, plus two phases per batch.
 */
export interface CostModel {
  latencyMs: number;
  perRecordMs: number;
  connections: number;
  /** Mailchimp's cap for POST /lists/{id}. */
  membersPerRequest: number;
  /** The emulator's preprocessing + finalizing time, each, per /batches submission. */
  batchPhaseMs: number;
}

export interface Floor {
  requests: number;
  seconds: number;
}

/** Members written through batch subscribe: ceil(members/500) requests, spread evenly over the connections. */
export function memberFloor(members: number, m: CostModel): Floor {
  if (members <= 0) return { requests: 0, seconds: 0 };
  const requests = Math.ceil(members / m.membersPerRequest);
  const busyMs = requests * m.latencyMs + members * m.perRecordMs;
  // No request can be split, so the slowest connection carries at least one whole request.
  const oneRequestMs = m.latencyMs + Math.min(members, m.membersPerRequest) * m.perRecordMs;
  return { requests, seconds: Math.max(busyMs / Math.min(m.connections, requests), oneRequestMs) / 1000 };
}

/** /batches run serially per account: their background time is a floor of its own, whatever the connections. */
export function batchesFloorSeconds(operations: number, submissions: number, m: CostModel): number {
  if (operations <= 0) return 0;
  return (operations * (m.latencyMs + m.perRecordMs) + submissions * 2 * m.batchPhaseMs) / 1000;
}

/** A step's floor: its members at batch-subscribe cost, or the /batches background time when that is longer. */
export function stepFloor(members: number, batchOperations: number, batchSubmissions: number, m: CostModel): Floor {
  const f = memberFloor(members, m);
  return { requests: f.requests, seconds: Math.max(f.seconds, batchesFloorSeconds(batchOperations, batchSubmissions, m)) };
}

/** One PUT per record, `connections` at a time: what per-record tools cost for the same members. */
export function perRecordSeconds(records: number, m: CostModel): number {
  return (Math.ceil(records / m.connections) * (m.latencyMs + m.perRecordMs)) / 1000;
}

/** A sampled baseline's time scaled linearly to all records. */
export function scaleBaseline(sampleSeconds: number, sampled: number, total: number): number {
  return sampled === 0 ? 0 : (sampleSeconds * total) / sampled;
}

/** What an e-commerce load must write: its stores, products and orders (customers ride inside their orders). */
export interface CommerceWork {
  stores: number;
  products: number;
  orders: number;
}

export interface CommerceFloor extends Floor {
  /** Operations the load cannot do without: products + orders. */
  operations: number;
  /** Everything through /batches: fewest requests, but the account's operations run one at a time. */
  bulk: Floor;
  /** One request per product and order, `connections` at a time: Mailchimp has no bulk order endpoint. */
  direct: Floor;
}

/**
 * The floor of an e-commerce load under the emulator's cost model. Mailchimp has no bulk endpoint for orders or
 * products: they go as /batches operations or as single requests. Each store costs a create (with is_syncing on, so
 * the load emails nobody) and a PATCH switching is_syncing off at the end. Customers need no write of their own:
 * an order's required `customer` object creates or updates its customer. Products must exist before the orders
 * that name them, so the bulk path needs two submissions (each checked once at least), the direct path two waves.
 * The floor's requests are the bulk path's (the fewest), its seconds the faster path's: no single strategy reaches
 * both, so the engine is judged against each where it is best.
 */
export function commerceFloor(w: CommerceWork, m: CostModel): CommerceFloor {
  const operations = w.products + w.orders;
  if (operations === 0 && w.stores === 0) return { requests: 0, seconds: 0, operations: 0, bulk: { requests: 0, seconds: 0 }, direct: { requests: 0, seconds: 0 } };
  const call = m.latencyMs + m.perRecordMs;
  const storeMs = 2 * Math.ceil(w.stores / m.connections) * call;
  const phases = (w.products > 0 ? 1 : 0) + (w.orders > 0 ? 1 : 0);
  const bulk: Floor = { requests: 2 * w.stores + 2 * phases, seconds: (storeMs + batchesFloorSeconds(operations, phases, m) * 1000) / 1000 };
  const wave = (n: number) => Math.ceil(n / m.connections) * call;
  const direct: Floor = { requests: 2 * w.stores + operations, seconds: (storeMs + wave(w.products) + wave(w.orders)) / 1000 };
  // The faster path is the floor, with its own request count (the engine takes it: single requests).
  const fastest = direct.seconds <= bulk.seconds ? direct : bulk;
  return { requests: fastest.requests, seconds: fastest.seconds, operations, bulk, direct };
}
