/**
 * Runs an action for a key at most once every `intervalMs`, and never in the turn of the event loop that asked:
 * a request while one is pending for its key is that one; a request sooner than the interval after the key's
 * last run waits for the interval to pass. The outbox doorbell rings, and the relay drains, through one each.
 */
export class KeyedThrottle<K> {
  private readonly lastRun = new Map<K, number>();
  /** Cancels each pending run. */
  private readonly pending = new Map<K, () => void>();

  constructor(
    private readonly intervalMs: number,
    private readonly action: (key: K) => void,
  ) {}

  request(key: K): void {
    if (this.pending.has(key)) return;
    const due = (this.lastRun.get(key) ?? -Infinity) + this.intervalMs;
    const run = () => {
      // A timer counts whole milliseconds from a clock read when its turn of the loop began, so it may fire a
      // little before `due`: then it waits out the rest.
      const early = due - performance.now();
      if (early > 0) return this.schedule(key, early, run);
      this.pending.delete(key);
      this.lastRun.set(key, performance.now());
      this.action(key);
    };
    this.schedule(key, due - performance.now(), run);
  }

  /** Runs `run` for `key` after `ms`, or in the next turn of the loop when nothing is left to wait. */
  private schedule(key: K, ms: number, run: () => void): void {
    if (ms > 0) {
      const timer = setTimeout(run, Math.ceil(ms)).unref();
      this.pending.set(key, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(run);
      this.pending.set(key, () => clearImmediate(immediate));
    }
  }

  /** Drops every pending run. */
  cancel(): void {
    this.pending.forEach((cancel) => cancel());
    this.pending.clear();
  }
}
