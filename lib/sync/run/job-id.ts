import { createHash } from "node:crypto";

/**
 * A UUID derived from a name. pg-boss inserts with ON CONFLICT DO NOTHING on the job id, so sending the same
 * logical job twice (a retried plan job, a double resume) enqueues it once.
 */
export function jobId(name: string): string {
  const h = createHash("sha1").update(`bridgeline:${name}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
