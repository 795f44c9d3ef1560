import { createHash } from "node:crypto";

// Mailchimp addresses a member by md5 of the lowercased email; the path segment may also be the email itself.
export function subscriberHash(email: string): string {
  return createHash("md5").update(email.toLowerCase()).digest("hex");
}

export function hashFromPathSegment(segment: string): string {
  const decoded = decodeURIComponent(segment);
  return decoded.includes("@") ? subscriberHash(decoded) : decoded.toLowerCase();
}
