import { ApiProblem } from "../http/problem.js";

// Mailchimp refuses addresses it judges fake. Its real heuristics are private; this is the emulator's fixed,
// documented rule list (see README.md), applied identically everywhere an email enters the account.

const RESERVED_DOMAINS = new Set([
  "example.com", "example.org", "example.net", "test.com", "test.org", "test.net",
  "email.com", "domain.com", "mailinator.com", "fake.com", "invalid.com",
]);
const RESERVED_TLDS = new Set(["test", "example", "invalid", "localhost", "local"]);
const FAKE_LOCAL_PARTS = new Set([
  "test", "testing", "fake", "asdf", "qwerty", "noemail", "no-email", "none", "null", "nobody", "sample",
  "abuse", "postmaster", "mailer-daemon", "noreply", "no-reply", "donotreply", "do-not-reply",
]);

const LOCAL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL_RE = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function emailProblem(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || email.indexOf("@") !== at || email.length > 254) return "malformed";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_RE.test(local)) return "malformed";
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => LABEL_RE.test(l))) return "malformed";
  const tld = labels[labels.length - 1] as string;
  if (!/^[a-z]{2,}$/.test(tld)) return "malformed";
  if (RESERVED_DOMAINS.has(domain) || RESERVED_TLDS.has(tld)) return "reserved domain";
  const lowerLocal = local.toLowerCase();
  if (FAKE_LOCAL_PARTS.has(lowerLocal)) return "placeholder or role local part";
  if (lowerLocal === labels[0]) return "local part repeats the domain";
  return null;
}

export function assertRealEmail(email: unknown): string {
  if (typeof email !== "string" || emailProblem(email) !== null) {
    throw new ApiProblem(400, "Invalid Resource", `${String(email)} looks fake or invalid, please enter a real email address.`);
  }
  return email;
}
