// Programmatic entry point: startOdooEmulator(options) -> {url, port, close(), store, emulator}.
// Emulates Odoo 17.0 on /jsonrpc and the Odoo 19 JSON-2 API on /json/2/<model>/<method>
// (set version "19.0" to also report 19.0 from common.version and use 19's messages).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Emulator } from "./emulator.js";
import { handleAdmin } from "./http/admin.js";
import { handleJson2 } from "./http/json2.js";
import { handleJsonRpc } from "./http/jsonrpc.js";
import { sendText } from "./http/util.js";
import { resolveOptions, type OdooEmulatorOptions } from "./options.js";
import type { Store } from "./store/store.js";

export interface RunningOdooEmulator {
  url: string;
  port: number;
  db: string;
  login: string;
  apiKey: string;
  emulator: Emulator;
  /** The live database (replaced by /_emulator/reset, so read it through this getter). */
  readonly store: Store;
  close(): Promise<void>;
}

export async function startOdooEmulator(options: OdooEmulatorOptions = {}): Promise<RunningOdooEmulator> {
  const opts = resolveOptions(options);
  const emu = new Emulator(opts);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const json2 = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
    const admin = /^\/_emulator\/([a-z]+)$/.exec(path);
    let work: Promise<void>;
    if (path === "/jsonrpc" && req.method === "POST") work = handleJsonRpc(emu, req, res);
    else if (json2) work = handleJson2(emu, req, res, decodeURIComponent(json2[1]!), decodeURIComponent(json2[2]!));
    else if (admin) work = handleAdmin(emu, req, res, admin[1]!);
    else work = Promise.resolve(sendText(res, 404, "Not Found"));
    if (opts.verbose) process.stderr.write(`${req.method} ${path}\n`);
    work.catch((err: unknown) => {
      process.stderr.write(`odoo emulator internal error: ${String((err as Error)?.stack ?? err)}\n`);
      if (!res.headersSent) sendText(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host}:${port}`,
    port,
    db: opts.db,
    login: opts.login,
    apiKey: opts.apiKey,
    emulator: emu,
    get store() {
      return emu.store;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type { OdooEmulatorOptions } from "./options.js";
