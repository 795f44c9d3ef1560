import { describe, expect, it } from "vitest";
import { getAuthOptions } from "@/lib/auth/options";
import { resetEnvCache } from "@/lib/env";
import { SESSION_COOKIE } from "@/lib/http/refuse-bad-request";

// Options are built once per process from lib/env: this file runs with an https console URL.
process.env.NEXTAUTH_URL = "https://console.example";
process.env.NEXTAUTH_SECRET ??= "session-cookies-test-secret-0123456789";
resetEnvCache();

describe("session cookies on an https console (issue 15)", () => {
  it("are Secure (next-auth then names them __Secure-…), on a JWT session of 8 hours", () => {
    const options = getAuthOptions();
    // next-auth's useSecureCookies sets `secure` on every cookie it writes and prefixes their names with
    // __Secure- (__Host- for the CSRF token); it is not exported, so the flag is what is checked here.
    expect(options.useSecureCookies).toBe(true);
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: 8 * 60 * 60 });
  });

  it("are still recognised by the proxy as a session under their prefixed, possibly chunked, names", () => {
    for (const name of ["__Secure-next-auth.session-token", "__Secure-next-auth.session-token.0", "next-auth.session-token"]) {
      expect(SESSION_COOKIE.test(name), name).toBe(true);
    }
    expect(SESSION_COOKIE.test("__Secure-next-auth.csrf-token")).toBe(false);
  });
});
