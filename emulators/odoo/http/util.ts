// Small node:http helpers shared by the endpoints.
import type { IncomingMessage, ServerResponse } from "node:http";

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, type = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

const REASONS: Record<number, string> = { 429: "Too Many Requests", 502: "Bad Gateway", 503: "Service Temporarily Unavailable", 504: "Gateway Time-out" };

/** What the reverse proxy in front of Odoo answers when the worker dies or is busy. */
export function sendGatewayError(res: ServerResponse, status: number): void {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  const headers: Record<string, string> = { "Content-Type": "text/html" };
  if (status === 429 || status === 503) headers["Retry-After"] = "1";
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  res.writeHead(status, { ...headers, "Content-Length": String(Buffer.byteLength(html)) });
  res.end(html);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
