import { KeyedCounter } from "@/lib/metrics/keyed-counter";

/** Counts HTTP requests sent to Odoo by "model.method" (retries included) so the benchmark can compare strategies. */
export class OdooRequestCounter extends KeyedCounter {
  record(model: string, method: string): void {
    this.increment(`${model}.${method}`);
  }
}
