import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A local webhook endpoint that records every request and answers with a scripted status per call.

export interface Received {
  method: string;
  contentType: string;
  form: URLSearchParams;
}

export interface Receiver {
  url: string;
  received: Received[];
  posts(): Received[];
  answer(statuses: number[]): void;
  waitForPosts(n: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let script: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", contentType: req.headers["content-type"] ?? "", form: new URLSearchParams(Buffer.concat(chunks).toString()) });
      res.statusCode = req.method === "POST" ? (script.shift() ?? 200) : 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const posts = () => received.filter((r) => r.method === "POST");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    posts,
    answer: (statuses) => { script = [...statuses]; },
    async waitForPosts(n, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      while (posts().length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      return posts();
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
