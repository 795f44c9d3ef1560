/**
 * sync_exceptions.fingerprint: the same problem is the same row across runs. A problem with an address in an
 * audience (duplicate_email, staff_email) is `kind|audience|email`; a problem with one partner's data is
 * `kind||partner:<id>`.
 */
export function perEmailFingerprint(kind: string, audienceId: string | null, email: string): string {
  return `${kind}|${audienceId ?? ""}|${email}`;
}

export function perPartnerFingerprint(kind: string, partnerId: number): string {
  return `${kind}||partner:${partnerId}`;
}
