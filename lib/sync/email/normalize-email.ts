/**
 * The one spelling of an address the engine compares, stores and sends: trimmed, NFC (so "é" typed as e +
 * combining accent equals the precomposed one) and lower-cased. Mailchimp hashes lower-case addresses, so two
 * spellings that differ only in case are one member there and must be one record here.
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize("NFC").trim().toLowerCase();
}
