import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";

describe("security headers (issue 15)", () => {
  it("sends a nonce CSP that refuses framing, plugins and foreign scripts, plus nosniff, DENY and a referrer policy", () => {
    const h = securityHeaders({ nonce: "abc", https: false, development: false });
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["Content-Security-Policy"]).toContain("object-src 'none'");
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(h).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin" });
    expect(h["Strict-Transport-Security"]).toBeUndefined();
  });
  it("adds HSTS and upgrade-insecure-requests only on https, and eval only for next dev", () => {
    const h = securityHeaders({ nonce: "n", https: true, development: true });
    expect(h["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(h["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(h["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });
});
