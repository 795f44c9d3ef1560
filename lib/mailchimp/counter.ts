import { KeyedCounter } from "@/lib/metrics/keyed-counter";

/** Counts HTTP calls by route template ("PUT /lists/{list_id}/members/{subscriber_hash}") for the benchmark. */
export class MailchimpRequestCounter extends KeyedCounter {
  record(method: string, route: string): void {
    this.increment(`${method.toUpperCase()} ${route}`);
  }
}
