import type { MailchimpPriority } from "@/lib/mailchimp";
import { PRIORITY_RANK } from "./keys";

export interface Waiter {
  rank: number;
  seq: number;
  resolve: (slot: number) => void;
  reject: (err: Error) => void;
}

/** In-process queue: by priority, then first come first served. */
export class WaiterQueue {
  private items: Waiter[] = [];
  private seq = 0;

  add(priority: MailchimpPriority, resolve: Waiter["resolve"], reject: Waiter["reject"]): Waiter {
    const waiter = { rank: PRIORITY_RANK[priority], seq: this.seq++, resolve, reject };
    this.items.push(waiter);
    this.items.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
    return waiter;
  }

  get size(): number {
    return this.items.length;
  }

  peek(): Waiter | undefined {
    return this.items[0];
  }

  shift(): Waiter | undefined {
    return this.items.shift();
  }

  /** How many waiters may be served while a more urgent one elsewhere waits at `rank`. */
  countAtOrAbove(rank: number): number {
    return this.items.filter((w) => w.rank <= rank).length;
  }

  drain(): Waiter[] {
    const all = this.items;
    this.items = [];
    return all;
  }
}
