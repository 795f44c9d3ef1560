// Odoo normalizes emails with tools.email_normalize: pick the address part, lowercase the
// domain, lowercase the local part only when it is ASCII. Partners use strict=False (first
// address of a list), mail.blacklist uses strict=True (exactly one address or nothing).
const ADDRESS = /[^\s<>,;"'()[\]]+@[^\s<>,;"'()[\]]+/gu;

export function emailSplit(text: unknown): string[] {
  if (typeof text !== "string") return [];
  return text.match(ADDRESS) ?? [];
}

export function emailNormalize(text: unknown, strict = true): string | false {
  const found = emailSplit(text);
  if (found.length === 0 || (strict && found.length !== 1)) return false;
  const email = found[0]!;
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  const ascii = /^[\x00-\x7f]*$/.test(local);
  return `${ascii ? local.toLowerCase() : local}@${domain}`;
}
