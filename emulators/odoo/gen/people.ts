// Names and emails, including the mess real CRMs hold: junk, capitals, several
// addresses in one field, the same address on several partners, shared mailboxes.
import type { Gen } from "./context.js";
import { FIRST, FREEMAIL, JUNK_EMAILS, LAST } from "./names.js";

export function personName(g: Gen): [string, string] {
  return [g.rng.pick(FIRST), g.rng.pick(LAST)];
}

function ascii(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "").toLowerCase();
}

export function slug(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** Email for a person: mostly clean, sometimes missing, junk, capitalised or reused. */
export function personEmail(g: Gen, first: string, last: string, domain?: string): string | false {
  const r = g.rng.next();
  if (r < 0.06) return false;
  if (r < 0.1) return g.rng.pick(JUNK_EMAILS);
  if (r < 0.12 && g.usedEmails.length > 0) return g.rng.pick(g.usedEmails); // same person elsewhere
  const local = g.rng.chance(0.5) ? `${ascii(first)}.${ascii(last)}` : `${ascii(first)[0] ?? "x"}${ascii(last)}${g.rng.int(1, 999)}`;
  let email = `${local}@${domain ?? g.rng.pick(FREEMAIL)}`;
  if (r < 0.17) email = `${first}.${last}@${domain ?? "Gmail.com"}`.replace(/\s+/g, ""); // capitals, maybe unicode
  if (g.rng.chance(0.3)) g.usedEmails.push(email);
  if (g.usedEmails.length > 2000) g.usedEmails.shift();
  return email;
}

export function phone(g: Gen, countryId: number): string | false {
  if (g.rng.chance(0.25)) return false;
  return countryId === 2 ? `+32 ${g.rng.int(470, 499)} ${g.rng.int(10, 99)} ${g.rng.int(10, 99)} ${g.rng.int(10, 99)}`
    : `+1 ${g.rng.int(200, 989)}-555-${String(g.rng.int(0, 9999)).padStart(4, "0")}`;
}
