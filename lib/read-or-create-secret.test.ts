import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOrCreateSecret } from "./read-or-create-secret";

describe("readOrCreateSecret", () => {
  it("creates the secret once, readable by its owner only, and hands back the same one on every later call", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "secret-")), "nested", "webhook-secret");
    const first = readOrCreateSecret(file, 16);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecret(file, 16)).toBe(first);
  });
});
