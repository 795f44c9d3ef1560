import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { holdStartLock } from "@/lib/db/hold-start-lock";

/** The lock that serialises starting the embedded cluster on one data directory (lib/db/hold-start-lock.ts). */
const dir = mkdtempSync(path.join(os.tmpdir(), "start-lock-"));
const lock = path.join(dir, "start.lock");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("holdStartLock", () => {
  it("lets one starter in at a time, and each in turn", async () => {
    const events: string[] = [];
    const starter = (name: string) =>
      holdStartLock(dir, async () => {
        events.push(`${name} in`);
        expect(readFileSync(lock, "utf8").trim()).toBe(String(process.pid));
        for (let i = 0; i < 5; i++) await tick();
        events.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([starter("a"), starter("b"), starter("c")])).toEqual(["a", "b", "c"]);
    // Never two inside: every "in" is followed by its own "out".
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]!.replace(" in", " out"));
    expect(existsSync(lock)).toBe(false);
  });

  it("releases the lock when the start fails", async () => {
    await expect(holdStartLock(dir, () => Promise.reject(new Error("initdb failed")))).rejects.toThrow("initdb failed");
    expect(existsSync(lock)).toBe(false);
  });

  it("takes a lock left by a process that died while starting", async () => {
    const dead = await new Promise<number>((resolve) => {
      const child = execFile("true");
      child.once("exit", () => resolve(child.pid as number));
    });
    writeFileSync(lock, `${dead}\n`);
    expect(await holdStartLock(dir, async () => "started")).toBe("started");
  });

  it("waits for a live owner, and says so when it does not let go", async () => {
    writeFileSync(lock, `${process.pid}\n`);
    await expect(holdStartLock(dir, async () => "started", 300)).rejects.toThrow(/Another process has been starting/);
    rmSync(lock);
  });
});
