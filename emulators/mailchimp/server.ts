import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Emulator } from "./core/emulator.js";
import type { EmulatorOptions } from "./core/options.js";
import { handleRequest } from "./http/handle-request.js";
import { ConnectionGate } from "./http/throttle.js";
import { seedLists } from "./lists/seed-lists.js";

// Programmatic entry point: tests in any folder start the emulator in-process (port 0 = a free port).

export type { EmulatorOptions } from "./core/options.js";
export { DEFAULT_API_KEY } from "./core/options.js";

export interface RunningMailchimpEmulator {
  // API base, e.g. http://127.0.0.1:PORT/3.0 (assign to the official client's basePath).
  url: string;
  // Origin without /3.0, where /_emulator/* lives.
  baseUrl: string;
  port: number;
  apiKey: string;
  apiKeys: string[];
  state: Emulator;
  close(): Promise<void>;
}

export async function startMailchimpEmulator(options: EmulatorOptions = {}): Promise<RunningMailchimpEmulator> {
  const emulator = new Emulator(options);
  seedLists(emulator, emulator.options.lists);
  const gate = new ConnectionGate(emulator);
  const server: Server = createServer((req, res) => handleRequest(emulator, gate, req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(emulator.options.port, emulator.options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${emulator.options.host}:${port}`;
  emulator.publicOrigin = baseUrl;
  return {
    url: `${baseUrl}/3.0`,
    baseUrl,
    port,
    apiKey: emulator.options.apiKeys[0] as string,
    apiKeys: emulator.options.apiKeys,
    state: emulator,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
