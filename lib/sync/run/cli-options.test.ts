import { describe, expect, it } from "vitest";
import { intFlag, parseFlags, UsageError, WORKER_FLAGS, type FlagSpec } from "./cli-options";

const SYNC_FLAGS: FlagSpec = { ...WORKER_FLAGS, mode: { type: "string" }, "dry-run": { type: "boolean" } };

describe("parseFlags", () => {
  it("reads the flags a command takes, with and without values", () => {
    expect(parseFlags(["--mode", "full", "--dry-run", "--concurrency=4"], SYNC_FLAGS)).toEqual(new Map<string, string | true>([["mode", "full"], ["dry-run", true], ["concurrency", "4"]]));
    expect(parseFlags(["--no-consent"])).toEqual(new Map([["no-consent", true]]));
  });

  it("refuses what the command does not take instead of ignoring it", () => {
    const refused = (argv: string[], spec = SYNC_FLAGS) => {
      try {
        parseFlags(argv, spec);
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        return (err as Error).message;
      }
      return "accepted";
    };
    expect(refused(["--bogus"])).toBe("Unknown option '--bogus'");
    expect(refused(["--mode", "full", "--dry-run", "yes"])).toMatch(/^Unexpected argument 'yes'/);
    expect(refused(["--mode"])).toBe("Option '--mode <value>' argument missing");
    expect(refused(["--dry-run=yes"])).toBe("Option '--dry-run' does not take an argument");
    // The worker takes no --mode: a sync flag given to it is refused too.
    expect(refused(["--mode", "full"], WORKER_FLAGS)).toBe("Unknown option '--mode'");
  });

  it("refuses a count that is not a positive integer", () => {
    expect(() => intFlag(new Map([["concurrency", "many"]]), "concurrency")).toThrow(new UsageError("--concurrency needs a positive integer, got many"));
    expect(intFlag(new Map([["concurrency", "3"]]), "concurrency")).toBe(3);
  });
});
