import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emulator } from "../core/emulator.js";
import { handleEmulatorControl } from "../emulator/control-routes.js";
import { handleApi } from "./handle-api.js";
import { notFound, problemBody } from "./problem.js";
import { sendReply } from "./send.js";
import type { ConnectionGate } from "./throttle.js";

// Top-level split: /3.0 is the Mailchimp API, /_emulator is test and benchmark control. Unexpected failures
// become a generic 500 that leaks nothing.

export function handleRequest(emulator: Emulator, gate: ConnectionGate, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const work = url.pathname.startsWith("/_emulator/")
    ? handleEmulatorControl(emulator, req, res, url)
    : url.pathname === "/3.0" || url.pathname.startsWith("/3.0/")
      ? handleApi(emulator, gate, req, res, url)
      : Promise.resolve(sendReply(res, 404, problemBody(notFound())));
  work.catch((error: unknown) => {
    process.stderr.write(`mailchimp emulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    sendReply(res, 500, { type: "https://mailchimp.com/developer/marketing/docs/errors/", title: "Internal Server Error", status: 500, detail: "An unexpected internal error has occurred.", instance: "" });
  });
}
