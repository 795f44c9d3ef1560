import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseTar } from "./tar";

/** Builds a ustar archive by hand so the parser is tested against the format, not against itself. */
function tarEntry(name: string, content: string, type = "0", prefix = ""): Buffer {
  const body = Buffer.from(content, "utf8");
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, "utf8");
  header.write("0000644\0", 100);
  header.write("0000000\0", 108);
  header.write("0000000\0", 116);
  header.write(body.length.toString(8).padStart(11, "0") + "\0", 124);
  header.write("00000000000\0", 136);
  header.write("        ", 148);
  header.write(type, 156);
  header.write("ustar\0", 257);
  header.write("00", 263);
  header.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of header) sum += b;
  header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  const padded = Buffer.alloc(Math.ceil(body.length / 512) * 512);
  body.copy(padded);
  return Buffer.concat([header, padded]);
}

const end = Buffer.alloc(1024);

describe("parseTar", () => {
  it("reads regular files from a gzipped ustar archive and skips directories", () => {
    const big = JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ status_code: 200, operation_id: `op-${i}`, response: "{}" })));
    const archive = gzipSync(
      Buffer.concat([tarEntry("batch/", "", "5"), tarEntry("batch/a.json", "[]"), tarEntry("b.json", big, "0", "batch"), end]),
    );
    const entries = parseTar(archive);
    expect(entries.map((e) => e.path)).toEqual(["batch/a.json", "batch/b.json"]);
    expect(JSON.parse(entries[1]?.content.toString() ?? "")).toHaveLength(40);
  });

  it("accepts an uncompressed archive and GNU long names", () => {
    const long = `${"d".repeat(120)}/results.json`;
    const entries = parseTar(Buffer.concat([tarEntry("././@LongLink", `${long}\0`, "L"), tarEntry("short", "x"), end]));
    expect(entries).toEqual([{ path: long, content: Buffer.from("x") }]);
  });

  it("rejects a truncated archive", () => {
    expect(() => parseTar(tarEntry("a.json", "x".repeat(600)).subarray(0, 700))).toThrow(/Truncated/);
  });
});
