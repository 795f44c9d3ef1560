import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgresProcess } from "@/lib/db/embedded-process";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch";
import { own } from "./tree";

/** A fresh, migrated database: a scratch one on DATABASE_URL's server, else a throwaway embedded Postgres. */
export async function startBenchDatabase(serverUrl: string | undefined, label = ""): Promise<{ url: string; kind: string }> {
  if (serverUrl) {
    const db = await createScratchDatabase(serverUrl, `bridgeline_bench_${randomBytes(4).toString("hex")}`);
    own("scratch database", db.drop);
    await migrate(db.url);
    return { url: db.url, kind: "DATABASE_URL server (scratch database)" };
  }
  const embedded = await startEmbeddedPostgresProcess({ dataDir: path.join(os.tmpdir(), `bridgeline-bench-${process.pid}${label}`), ephemeral: true });
  own("embedded Postgres", embedded.stop);
  await migrate(embedded.url);
  return { url: embedded.url, kind: "embedded Postgres" };
}
