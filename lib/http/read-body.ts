/**
 * Reads a request body, stopping as soon as it exceeds `maxBytes`: a hostile sender cannot make us buffer more
 * than the limit, whatever Content-Length claims.
 */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<string | "too_large"> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return "too_large";
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return "too_large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
