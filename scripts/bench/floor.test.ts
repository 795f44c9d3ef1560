import { describe, expect, it } from "vitest";
import { batchesFloorSeconds, commerceFloor, memberFloor, perRecordSeconds, scaleBaseline, stepFloor, type CostModel } from "./floor";

const model: CostModel = { latencyMs: 50, perRecordMs: 4, connections: 10, membersPerRequest: 500, batchPhaseMs: 20 };

describe("floor math", () => {
  it("needs ceil(members/500) requests, their cost spread over 10 connections", () => {
    // 101 requests carrying 50,052 members: (101 x 50 + 50,052 x 4) / 10 ms.
    expect(memberFloor(50_052, model)).toEqual({ requests: 101, seconds: (101 * 50 + 50_052 * 4) / 10 / 1000 });
  });

  it("cannot split a request: a single batch takes its own full cost", () => {
    expect(memberFloor(500, model)).toEqual({ requests: 1, seconds: 2.05 });
    // 500 + 500 + 200 members: the busiest connection still carries a whole 500-member request.
    expect(memberFloor(1200, model).seconds).toBeCloseTo(2.05);
  });

  it("is zero when nothing is sent", () => {
    expect(memberFloor(0, model)).toEqual({ requests: 0, seconds: 0 });
    expect(stepFloor(0, 0, 0, model)).toEqual({ requests: 0, seconds: 0 });
  });

  it("takes the serial /batches background time when it is longer", () => {
    expect(batchesFloorSeconds(500, 1, model)).toBeCloseTo((500 * 54 + 40) / 1000);
    expect(stepFloor(500, 500, 1, model).seconds).toBeCloseTo(27.04);
    expect(stepFloor(5000, 10, 1, model).seconds).toBeCloseTo(memberFloor(5000, model).seconds);
  });

  it("prices per-record sending at one request per record, ten at a time", () => {
    expect(perRecordSeconds(100, model)).toBeCloseTo(0.54);
    expect(perRecordSeconds(101, model)).toBeCloseTo(0.594);
  });

  it("scales a sampled baseline linearly", () => {
    expect(scaleBaseline(10, 5000, 50_000)).toBe(100);
    expect(scaleBaseline(10, 0, 50_000)).toBe(0);
  });
});

describe("e-commerce floor", () => {
  it("counts products and orders, never customers; two /batches (and two looks) or one request per write", () => {
    const f = commerceFloor({ stores: 3, products: 100, orders: 1000 }, model);
    expect(f.operations).toBe(1100);
    // 3 store creates + 3 switch-offs, 2 submissions, 2 status checks.
    expect(f.bulk.requests).toBe(10);
    // Serial operations at 54 ms, 2 phases of 20 ms per submission, the store calls (one wave each way).
    expect(f.bulk.seconds).toBeCloseTo((1100 * 54 + 2 * 2 * 20 + 2 * 54) / 1000);
    expect(f.direct.requests).toBe(6 + 1100);
    expect(f.direct.seconds).toBeCloseTo((2 * 54 + 10 * 54 + 100 * 54) / 1000);
    // The faster path is the floor, requests and time alike.
    expect(f).toMatchObject({ requests: f.direct.requests, seconds: f.direct.seconds });
  });

  it("is zero with nothing to write", () => {
    expect(commerceFloor({ stores: 0, products: 0, orders: 0 }, model)).toMatchObject({ requests: 0, seconds: 0 });
  });
});
