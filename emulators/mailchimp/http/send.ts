import type { ServerResponse } from "node:http";

// Writes a reply: JSON bodies, problem+json for errors, nothing at all for 204 (and for a bare throttle 403).

export function sendReply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  const type = status >= 400 ? "application/problem+json; charset=utf-8" : "application/json; charset=utf-8";
  res.writeHead(status, { ...headers, "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function readBody(req: import("node:http").IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
