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
    const run = () => {
      this.pending.delete(key);
      this.lastRun.set(key, performance.now());
      this.action(key);
    };
    const wait = (this.lastRun.get(key) ?? -Infinity) + this.intervalMs - performance.now();
    if (wait > 0) {
      const timer = setTimeout(run, wait).unref();
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
