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
