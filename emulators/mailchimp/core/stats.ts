// What the benchmark reads back: traffic by route template, records carried, concurrency peaks, errors.

export interface StatsSnapshot {
  requests: Record<string, number>;
  records: Record<string, number>;
  max_concurrent: Record<string, number>;
  errors: Record<string, number>;
  webhook_deliveries: { attempted: number; succeeded: number; failed: number };
}

export class Stats {
  private data: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { requests: {}, records: {}, max_concurrent: {}, errors: {}, webhook_deliveries: { attempted: 0, succeeded: 0, failed: 0 } };
  }

  request(routeKey: string, records: number): void {
    this.data.requests[routeKey] = (this.data.requests[routeKey] ?? 0) + 1;
    this.data.records[routeKey] = (this.data.records[routeKey] ?? 0) + records;
  }

  concurrency(apiKey: string, inFlight: number): void {
    const label = maskKey(apiKey);
    if (inFlight > (this.data.max_concurrent[label] ?? 0)) this.data.max_concurrent[label] = inFlight;
  }

  error(status: number, title: string): void {
    const key = `${status} ${title}`;
    this.data.errors[key] = (this.data.errors[key] ?? 0) + 1;
  }

  delivery(outcome: "succeeded" | "failed"): void {
    this.data.webhook_deliveries.attempted += 1;
    this.data.webhook_deliveries[outcome] += 1;
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = Stats.empty();
  }
}

// Stats are served unauthenticated; never echo a whole key.
function maskKey(apiKey: string): string {
  return apiKey.length > 12 ? `${apiKey.slice(0, 4)}…${apiKey.slice(-8)}` : apiKey;
}
