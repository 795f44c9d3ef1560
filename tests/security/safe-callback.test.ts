import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/auth/safe-callback";

const ORIGIN = "https://console.example";

describe("safeCallbackPath: where sign-in may send a user", () => {
  it("keeps paths on the console, with their query and fragment", () => {
    expect(safeCallbackPath("/consent", ORIGIN)).toBe("/consent");
    expect(safeCallbackPath("/runs/42?tab=batches#b1", ORIGIN)).toBe("/runs/42?tab=batches#b1");
    expect(safeCallbackPath("https://console.example/audit", ORIGIN)).toBe("/audit");
  });

  it("refuses the audit's payloads: a backslash or a tab after the first slash reaches another host in Chromium", () => {
    // What Next hands the page for ?callbackUrl=/%5Cevil.example and ?callbackUrl=/%09/evil.example.
    expect(safeCallbackPath("/\\evil.example", ORIGIN)).toBe("/");
    expect(safeCallbackPath("/\t/evil.example", ORIGIN)).toBe("/");
    expect(safeCallbackPath("/\n/evil.example", ORIGIN)).toBe("/");
    expect(safeCallbackPath("\\\\evil.example", ORIGIN)).toBe("/");
    expect(safeCallbackPath("/.//evil.example", ORIGIN)).toBe("/");
  });

  it("refuses other origins, protocol-relative and scheme URLs", () => {
    for (const bad of ["//evil.example", "https://evil.example/", "http://console.example/", "javascript:alert(1)", "evil.example", "/\u0000x", "/x\u007f", ""]) {
      expect(safeCallbackPath(bad, ORIGIN), JSON.stringify(bad)).toBe("/");
    }
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
  });

  it("never yields anything a browser would resolve to another origin", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("/", "\\", "\t", "\n", "%", "5", "C", "e", ".", ":", "@", "?", "#", "h", " ") }), (raw) => {
        const out = safeCallbackPath(raw, ORIGIN);
        expect(out.startsWith("/")).toBe(true);
        expect(out.startsWith("//")).toBe(false);
        expect(/[\\\u0000-\u001f]/.test(out)).toBe(false);
        expect(new URL(out, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});

describe("next-auth's redirect callback", () => {
  it("answers absolute URLs on the console only", () => {
    expect(safeRedirectUrl("/\\evil.example", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl("/exceptions", ORIGIN)).toBe(`${ORIGIN}/exceptions`);
    expect(safeRedirectUrl("https://evil.example/x", ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
