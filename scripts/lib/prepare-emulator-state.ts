import { existsSync, rmSync } from "node:fs";
import path from "node:path";

export interface EmulatorStateFiles {
  /** .data/emulators: the emulators' state and the webhook secret their audiences were registered with. */
  dir: string;
  odoo: string;
  mailchimp: string;
  /** Both files were there: the emulators continue where they left off, and so does the sync state. */
  continuing: boolean;
}

/**
 * Where the demo's emulators keep their state (`--state FILE`, emulators/{odoo,mailchimp}/main.ts) under the
 * data directory; `--fresh` among the demo's arguments deletes it all first, so the demo starts over.
 */
export function prepareEmulatorState(dataDir: string, argv: string[]): EmulatorStateFiles {
  const dir = path.join(dataDir, "emulators");
  const odoo = path.join(dir, "odoo.json");
  const mailchimp = path.join(dir, "mailchimp.json");
  if (argv.includes("--fresh")) rmSync(dir, { recursive: true, force: true });
  return { dir, odoo, mailchimp, continuing: existsSync(odoo) && existsSync(mailchimp) };
}
