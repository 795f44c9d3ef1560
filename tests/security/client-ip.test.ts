import { describe, expect, it } from "vitest";
import { PEER_HEADER, resolveClientIp } from "@/lib/auth/client-ip";
import { parseEnv } from "@/lib/env";
import { parseTrustedProxies } from "@/lib/net/trusted-proxies";

const req = (peer: string | undefined, xff?: string) => ({ ...(peer ? { [PEER_HEADER]: peer } : {}), ...(xff ? { "x-forwarded-for": xff } : {}) });

describe("resolveClientIp: X-Forwarded-For only from trusted proxies (issue 15)", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy: rotating it no longer mints addresses", () => {
    for (const spoof of ["1.1.1.1", "2.2.2.2, 3.3.3.3", "not-an-ip"]) {
      expect(resolveClientIp(req("203.0.113.9", spoof), [])).toBe("203.0.113.9");
      expect(resolveClientIp(req("203.0.113.9", spoof), ["10.0.0.0/8"])).toBe("203.0.113.9");
    }
  });

  it("behind a trusted proxy, takes the address the proxy appended, not what the client put before it", () => {
    const trusted = parseTrustedProxies("127.0.0.1, ::1");
    expect(resolveClientIp(req("127.0.0.1", "198.51.100.4"), trusted)).toBe("198.51.100.4");
    expect(resolveClientIp(req("::ffff:127.0.0.1", "6.6.6.6, 198.51.100.4"), trusted)).toBe("198.51.100.4");
    expect(resolveClientIp(req("::1", "198.51.100.4"), trusted)).toBe("198.51.100.4");
  });

  it("walks a chain of trusted hops (CIDR) right to left", () => {
    const trusted = parseTrustedProxies("127.0.0.1,10.0.0.0/8");
    expect(resolveClientIp(req("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.1.2.3"), trusted)).toBe("198.51.100.4");
    expect(resolveClientIp(req("127.0.0.1", "10.1.2.3"), trusted)).toBe("10.1.2.3");
    expect(resolveClientIp(req("127.0.0.1"), trusted)).toBe("127.0.0.1");
  });

  it("answers 'unknown' without a peer, whatever the headers claim", () => {
    expect(resolveClientIp(req(undefined, "198.51.100.4"), ["127.0.0.1"])).toBe("unknown");
  });
});

describe("TRUSTED_PROXIES in lib/env", () => {
  it("accepts IPs and CIDR ranges and refuses anything else by name", () => {
    expect(parseEnv({ TRUSTED_PROXIES: "127.0.0.1, ::1 10.0.0.0/8" }).TRUSTED_PROXIES).toEqual(["127.0.0.1", "::1", "10.0.0.0/8"]);
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    for (const bad of ["localhost", "10.0.0.0/33", "1.2.3.4/8/1", "::1/129"]) {
      expect(() => parseEnv({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
