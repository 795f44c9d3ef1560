import fc from "fast-check";
import { expect, it } from "vitest";
import { classifyEmail } from "@/lib/sync/email/classify-email";
import { normalizeEmail } from "@/lib/sync/email/normalize-email";

const local = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]$/).filter((s) => !s.includes(".."));
const domain = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{1,15}[a-z0-9]$/), fc.constantFrom("com", "be", "de", "io", "org"));
const email = fc.tuple(local, domain).map(([l, [d, t]]) => `${l}@${d}.${t}`).filter((e) => classifyEmail(e).ok);

it("normalisation is idempotent and insensitive to case, surrounding spaces and unicode form", () => {
  fc.assert(
    fc.property(fc.string(), (s) => normalizeEmail(normalizeEmail(s)) === normalizeEmail(s)),
  );
  fc.assert(
    fc.property(email, fc.constantFrom("", " ", "\t", "  "), (e, pad) => {
      const variants = [e.toUpperCase(), `${pad}${e}${pad}`, e.normalize("NFD")];
      return variants.every((v) => normalizeEmail(v) === e);
    }),
  );
  expect(normalizeEmail("Zo\u0065\u0308@Skynet.BE")).toBe("zo\u00eb@skynet.be");
});

it("accepts one valid address in any spelling, and never two joined by a separator", () => {
  fc.assert(
    fc.property(email, email, fc.constantFrom(";", ",", " ; ", ", ", " "), (a, b, sep) => {
      const joined = classifyEmail(`${a}${sep}${b}`);
      return classifyEmail(a.toUpperCase()).ok && !joined.ok && joined.kind === "multiple_emails";
    }),
  );
});

it.each([
  [false, "missing_email"], ["", "missing_email"], ["   ", "missing_email"], ["n/a", "invalid_email"], ["NO EMAIL", "invalid_email"],
  ["-", "invalid_email"], ["<>", "invalid_email"], ["test@test", "invalid_email"], ["a@b", "invalid_email"],
  ["x@example.com", "invalid_email"], ["someone@shop.test", "invalid_email"], ["spa ce@gmail.com", "invalid_email"],
  ["@missing-local.com", "invalid_email"], ["none@none", "invalid_email"], ["a@x.com; b@y.com", "multiple_emails"],
  ["first@one.com, second@two.com", "multiple_emails"],
])("%j is %s", (raw, kind) => {
  expect(classifyEmail(raw)).toMatchObject({ ok: false, kind });
});

it.each([
  ["INFO@SHOUTING.COM", "info@shouting.com"], ["  Jane.Doe@Gmail.com ", "jane.doe@gmail.com"],
  ["josé.garcía@exämple.es", "josé.garcía@exämple.es"], ["ron@woodcorner.example.com", "ron@woodcorner.example.com"],
])("%j is valid as %j", (raw, normalised) => {
  expect(classifyEmail(raw)).toEqual({ ok: true, email: normalised });
});
