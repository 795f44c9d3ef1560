/** Counts HTTP requests sent to Odoo by "model.method" (retries included) so the benchmark can compare strategies. */
export class OdooRequestCounter {
  private readonly counts = new Map<string, number>();

  record(model: string, method: string): void {
    const key = `${model}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
