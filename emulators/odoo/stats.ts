// Counters behind GET /_emulator/stats: what a benchmark needs to see how hard a client hit Odoo.
export class Stats {
  requests = 0;
  calls: Record<string, number> = {};
  recordsReturned: Record<string, number> = {};
  errors: Record<string, number> = {};
  faults: Record<string, number> = {};
  startedAt = new Date().toISOString();

  call(model: string, method: string, records: number): void {
    const key = `${model}.${method}`;
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    if (records > 0) this.recordsReturned[model] = (this.recordsReturned[model] ?? 0) + records;
  }
  error(name: string): void {
    this.errors[name] = (this.errors[name] ?? 0) + 1;
  }
  fault(kind: string): void {
    this.faults[kind] = (this.faults[kind] ?? 0) + 1;
  }
}
