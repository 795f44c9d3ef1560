/**
 * The console's HTTP server: Next's request handler behind a Node server of our own, so each request carries its
 * TCP peer address (lib/auth/client-ip.ts). `next start` keeps a client's X-Forwarded-For as sent and offers no
 * other way to learn who connected; sign-in throttling and the audit log need that. Started by
 * scripts/lib/next-server.ts as `node --import tsx scripts/serve-next.ts <port> <hostname> --stop-with-parent`: with
 * that flag it also stops when its stdin (a pipe from the launcher) closes, i.e. when `npm start` or `npm run demo`
 * was killed without stopping it, instead of lingering on the port with its database gone.
 */
import { createServer } from "node:http";
import { PEER_HEADER } from "@/lib/auth/client-ip";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3] ?? "127.0.0.1";
// What `next start` does: a production server runs with NODE_ENV=production unless told otherwise. Set before
// Next is loaded, hence the dynamic import.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
const { default: next } = await import("next");

const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Overwrites anything a client sent under this name: only the socket knows who connected.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res).catch((error: unknown) => {
    console.error("request failed", error instanceof Error ? error.message : error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(port, hostname, () => console.log(`ready on http://${hostname}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  // Keep-alive connections would hold close() open.
  server.closeAllConnections();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
if (process.argv.includes("--stop-with-parent")) {
  process.stdin.on("end", () => {
    console.error("the program that started the console ended without stopping it; stopping the console");
    stop();
  });
  process.stdin.resume();
}
