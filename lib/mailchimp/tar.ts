import { gunzipSync } from "node:zlib";

export interface TarEntry {
  path: string;
  content: Buffer;
}

const BLOCK = 512;

/**
 * Regular files of a (possibly gzipped) tar: ustar with the prefix field, plus GNU long names ('L') and
 * pax 'path' records ('x'), which is all a batch result archive needs. Directories and links are skipped.
 */
export function parseTar(archive: Buffer): TarEntry[] {
  const tar = archive[0] === 0x1f && archive[1] === 0x8b ? gunzipSync(archive) : archive;
  const entries: TarEntry[] = [];
  let offset = 0;
  let nextPath: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = parseOctal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    if (body.length < size) throw new Error(`Truncated tar: entry at ${offset} wants ${size} bytes`);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "L") {
      nextPath = cString(body);
    } else if (type === "x") {
      nextPath = paxPath(body.toString("utf8")) ?? nextPath;
    } else if (type === "0" || type === "\0" || type === "7") {
      entries.push({ path: nextPath ?? headerPath(header), content: Buffer.from(body) });
      nextPath = undefined;
    } else {
      nextPath = undefined;
    }
  }
  return entries;
}

function headerPath(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const isUstar = header.subarray(257, 262).toString("latin1") === "ustar";
  const prefix = isUstar ? cString(header.subarray(345, 500)) : "";
  return prefix ? `${prefix}/${name}` : name;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString("utf8");
}

function parseOctal(field: Buffer): number {
  const text = cString(field).trim();
  if (text === "") return 0;
  const n = Number.parseInt(text, 8);
  if (!Number.isFinite(n)) throw new Error(`Bad tar size field: ${JSON.stringify(text)}`);
  return n;
}

/** pax records are "<len> key=value\n". */
function paxPath(text: string): string | undefined {
  for (const line of text.split("\n")) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
