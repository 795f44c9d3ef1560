/** Counts HTTP calls by route template ("PUT /lists/{list_id}/members/{subscriber_hash}") for the benchmark. */
export class MailchimpRequestCounter {
  private readonly counts = new Map<string, number>();

  record(method: string, route: string): void {
    const key = `${method.toUpperCase()} ${route}`;
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
