import { stringify, type Stringifier } from "csv-stringify";

/**
 * A CSV download as a web stream: csv-stringify quotes and escapes (a hand-rolled join would not survive a comma
 * in a name), `fill` writes the rows (in chunks, if it likes) and the stream ends, or errors, when it does.
 */
export function csvStream(columns: string[], fill: (csv: Stringifier) => Promise<void>): ReadableStream<Uint8Array> {
  // Booleans as words: csv-stringify's default writes true as 1 and false as an empty cell.
  const csv = stringify({ header: true, columns, cast: { boolean: (v) => (v ? "true" : "false") } });
  void (async () => {
    try {
      await fill(csv);
      csv.end();
    } catch (err) {
      csv.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return new ReadableStream({
    start(controller) {
      csv.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      csv.on("end", () => controller.close());
      csv.on("error", (err) => controller.error(err));
    },
  });
}
