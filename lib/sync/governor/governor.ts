import pg from "pg";
import type { AcquireSlot } from "@/lib/mailchimp";
import { slotSpace, waitSpace } from "./keys";
import { readLockState, tryLockSlots } from "./lock-state";
import { SerialSession } from "./session";
import { WaiterQueue } from "./waiters";

export interface GovernorOptions {
  databaseUrl: string;
  apiKey: string;
  /** Mailchimp allows 10 simultaneous connections per API key. */
  maxConnections?: number;
  /** How often waiting processes look for a free slot. */
  pollMs?: number;
  onError?: (err: Error) => void;
}

/**
 * Connection slots shared by every process through Postgres session advisory locks (key: API key, slot).
 * Each process holds its slots on one dedicated connection, so a crashed process frees them when Postgres
 * drops its session. Waiting processes advertise their most urgent priority with a shared advisory lock, and
 * a process only takes a slot when nobody elsewhere waits at a more urgent priority.
 */
export class ConnectionGovernor {
  readonly maxConnections: number;
  private readonly slotNs: number;
  private readonly waitNs: number;
  private readonly pollMs: number;
  private readonly held = new Set<number>();
  private readonly waiters = new WaiterQueue();
  private readonly announced = new Map<number, number>();
  private ticking = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  private readonly session: SerialSession;

  private constructor(private readonly client: pg.Client, private readonly options: GovernorOptions) {
    this.session = new SerialSession(client);
    this.maxConnections = options.maxConnections ?? 10;
    this.slotNs = slotSpace(options.apiKey);
    this.waitNs = waitSpace(options.apiKey);
    this.pollMs = options.pollMs ?? 20;
  }

  static async start(options: GovernorOptions): Promise<ConnectionGovernor> {
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "bridgeline-governor" });
    await client.connect();
    const governor = new ConnectionGovernor(client, options);
    client.on("error", (err) => governor.fail(err));
    return governor;
  }

  /** The hook MailchimpClient takes: resolves with a release function once a slot is ours. */
  readonly acquire: AcquireSlot = (priority) => {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<number>((resolve, reject) => {
      const waiter = this.waiters.add(priority, resolve, reject);
      this.announce(waiter.rank, +1);
      this.kick();
    }).then((slot) => this.releaser(slot));
  };

  /** Slots this process holds now (for tests and logs). */
  get inUse(): number {
    return this.held.size;
  }

  /** The same session carries this process' other session locks (worker presence, batch ownership). */
  get connection(): SerialSession {
    return this.session;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.waiters.drain()) w.reject(new Error("governor closed"));
    this.failure ??= new Error("governor closed");
    await this.client.end();
  }

  private releaser(slot: number): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.held.delete(slot);
      // Queued on the same connection before any later look at pg_locks, so the next tick sees it free.
      this.session.query("SELECT pg_advisory_unlock($1::int, $2::int)", [this.slotNs, slot]).catch((err: Error) => this.fail(err));
      this.kick();
    };
  }

  private announce(rank: number, delta: 1 | -1): void {
    const before = this.announced.get(rank) ?? 0;
    this.announced.set(rank, before + delta);
    const fn = delta > 0 && before === 0 ? "pg_advisory_lock_shared" : delta < 0 && before === 1 ? "pg_advisory_unlock_shared" : null;
    if (fn) this.session.query(`SELECT ${fn}($1::int, $2::int)`, [this.waitNs, rank]).catch((err: Error) => this.fail(err));
  }

  private kick(): void {
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.tick();
  }

  private async tick(): Promise<void> {
    this.ticking = true;
    try {
      await this.serve();
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    } finally {
      this.ticking = false;
    }
    if (this.failure || this.waiters.size === 0) return;
    if (this.again) {
      this.again = false;
      return this.kick();
    }
    const jitter = Math.random() * this.pollMs;
    this.timer = setTimeout(() => this.kick(), this.pollMs + jitter);
  }

  private async serve(): Promise<void> {
    const top = this.waiters.peek();
    if (!top) return;
    const state = await readLockState(this.session, this.slotNs, this.waitNs);
    if (state.otherWaitingRank < top.rank) return;
    const wanted = this.waiters.countAtOrAbove(state.otherWaitingRank);
    const free: number[] = [];
    for (let s = 0; s < this.maxConnections; s++) if (!state.busySlots.has(s) && !this.held.has(s)) free.push(s);
    const got = await tryLockSlots(this.session, this.slotNs, shuffle(free).slice(0, wanted));
    for (const slot of got) {
      const waiter = this.waiters.shift();
      if (!waiter) {
        this.session.query("SELECT pg_advisory_unlock($1::int, $2::int)", [this.slotNs, slot]).catch((err: Error) => this.fail(err));
        continue;
      }
      this.held.add(slot);
      this.announce(waiter.rank, -1);
      waiter.resolve(slot);
    }
  }

  private fail(err: Error): void {
    if (this.failure) return;
    // Postgres dropped our session and with it every slot: nothing held here is still ours.
    this.failure = err;
    this.held.clear();
    for (const w of this.waiters.drain()) w.reject(err);
    this.options.onError?.(err);
  }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
