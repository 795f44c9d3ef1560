import { describe, expect, it } from "vitest";
import { MailchimpError, type MailchimpErrorKind } from "./errors";
import { withRetry } from "./retry";

const fail = (kind: MailchimpErrorKind) => new MailchimpError({ kind, status: kind === "throttle" ? 429 : 400 });

function scripted(outcomes: Array<MailchimpErrorKind | "ok">) {
  let calls = 0;
  const fn = async () => {
    const next = outcomes[calls++];
    if (next === "ok" || next === undefined) return "done";
    throw fail(next);
  };
  return { fn, calls: () => calls };
}

describe("withRetry", () => {
  const delays: number[] = [];
  const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250, random: () => 0.999, sleep: async (ms: number) => void delays.push(ms) };

  it("retries throttles and transient failures with capped, jittered exponential delays", async () => {
    delays.length = 0;
    const s = scripted(["throttle", "transient", "throttle", "ok"]);
    expect(await withRetry(s.fn, policy)).toBe("done");
    expect(s.calls()).toBe(4);
    expect(delays).toEqual([99, 199, 249]);
  });

  it("never retries permanent kinds", async () => {
    for (const kind of ["compliance", "invalid_email", "auth", "bad_request", "not_found"] as const) {
      const s = scripted([kind, "ok"]);
      await expect(withRetry(s.fn, policy)).rejects.toMatchObject({ kind });
      expect(s.calls()).toBe(1);
    }
  });

  it("stops at maxAttempts and throws the last error", async () => {
    const s = scripted(["throttle", "throttle", "throttle", "throttle", "ok"]);
    await expect(withRetry(s.fn, policy)).rejects.toMatchObject({ kind: "throttle" });
    expect(s.calls()).toBe(4);
  });

  it("classifies raw failures before deciding", async () => {
    let calls = 0;
    const fn = async () => {
      if (calls++ === 0) throw Object.assign(new Error("reset"), { code: "ECONNRESET" });
      return 1;
    };
    expect(await withRetry(fn, policy)).toBe(1);
  });

  it("full jitter spreads delays over [0, ceiling)", async () => {
    const seen: number[] = [];
    const s = scripted(["throttle", "throttle", "ok"]);
    await withRetry(s.fn, { ...policy, random: () => 0, sleep: async (ms) => void seen.push(ms) });
    expect(seen).toEqual([0, 0]);
  });
});
