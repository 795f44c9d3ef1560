import { normalizeEmail } from "./normalize-email";

export type EmailVerdict =
  | { ok: true; email: string }
  | { ok: false; kind: "missing_email" | "invalid_email" | "multiple_emails"; reason: string };

// Domains reserved for documentation/testing (RFC 2606/6761) and the usual placeholders. Subdomains of
// example.com stay valid: the demo data uses them for realistic companies, and Mailchimp accepts them.
const FAKE_DOMAINS = new Set(["example.com", "example.org", "example.net", "test.com", "test.test", "email.com", "domain.com", "fake.com", "invalid.com"]);
const FAKE_TLDS = new Set(["test", "example", "invalid", "localhost", "local"]);
const PLACEHOLDERS = new Set(["n/a", "na", "none", "-", "no email", "noemail", "unknown", "<>", "null"]);
const FAKE_LOCALS = new Set(["test", "none", "noemail", "no-email", "nobody", "null", "fake", "asdf", "noreply", "no-reply", "donotreply"]);

// Unicode letters are allowed in the local part and the domain (SMTPUTF8, IDN): people do have them.
const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^[\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const SEPARATED = /[;,\s]+/;

/**
 * Turns Odoo's free-text email field into one valid address or a reason. Never guesses: a field holding
 * several addresses is multiple_emails even when the first looks fine, because we cannot know which one the
 * person wants marketing on.
 */
export function classifyEmail(value: unknown): EmailVerdict {
  if (typeof value !== "string" || value.trim() === "") return { ok: false, kind: "missing_email", reason: "no email" };
  const email = normalizeEmail(value);
  if (PLACEHOLDERS.has(email)) return { ok: false, kind: "invalid_email", reason: "placeholder" };
  const parts = email.split(SEPARATED).filter((p) => p !== "");
  if (parts.length > 1 && parts.filter((p) => p.includes("@")).length > 1) return { ok: false, kind: "multiple_emails", reason: "several addresses" };
  if (/\s/.test(email)) return { ok: false, kind: "invalid_email", reason: "space inside" };
  const at = email.lastIndexOf("@");
  if (at <= 0 || email.indexOf("@") !== at || email.length > 254) return { ok: false, kind: "invalid_email", reason: "malformed" };
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split(".");
  if (local.length > 64 || !LOCAL.test(local)) return { ok: false, kind: "invalid_email", reason: "malformed local part" };
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return { ok: false, kind: "invalid_email", reason: "malformed domain" };
  const tld = labels[labels.length - 1] ?? "";
  if (!/^(\p{L}{2,}|xn--[a-z0-9-]+)$/u.test(tld)) return { ok: false, kind: "invalid_email", reason: "no top-level domain" };
  const domain = labels.join(".");
  if (FAKE_DOMAINS.has(domain) || FAKE_TLDS.has(tld)) return { ok: false, kind: "invalid_email", reason: "reserved domain" };
  if (FAKE_LOCALS.has(local) || local === labels[0]) return { ok: false, kind: "invalid_email", reason: "placeholder address" };
  return { ok: true, email };
}
