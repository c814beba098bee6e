import { LRUCache } from 'lru-cache';

/**
 * The freshness of a costlier read served beside a cache of `cacheMs`: `ms` when longer, never shorter than
 * `cacheMs`, and 0 (not cached) when `cacheMs` is 0, so the catalog cache's switch turns every such cache off.
 */
export function slowerFreshness(cacheMs: number, ms = 0): number {
  return cacheMs && Math.max(cacheMs, ms);
}

/**
 * A small in-process cache for hot, eventually consistent reads (catalog pages, search results).
 * An entry is fresh for `freshMs`; for `staleMs` after that it is still served while one background refresh
 * runs (stale-while-revalidate), so a slow query is never on a busy reader's path twice and concurrent misses
 * share one query. An entry older than both — left over from a quiet spell — is reloaded before it is answered,
 * unless its refresh is already running: then readers keep getting the old value until that refresh lands (a
 * database slowed down by load is not asked the same thing again while every reader waits for it). So no
 * answer is older than `freshMs + staleMs` plus the time one refresh takes. With `freshMs` 0 every read goes to
 * the database.
 */
export class ReadCache<V extends object> {
  private readonly cache?: LRUCache<string, V, () => Promise<V>>;
  private readonly staleMs: number;
  /** Keys whose load or refresh is running. */
  private readonly loading = new Set<string>();

  /**
   * With `freshPerLoadMs`, an entry whose load took L ms stays fresh for L × freshPerLoadMs ms (at least
   * `freshMs`, at most `maxFreshMs`): keeping one key fresh then costs the database at most 1/freshPerLoadMs of
   * its time, however slow the query is on this machine or at this moment.
   */
  constructor(
    freshMs: number,
    options: { maxEntries?: number; staleMs?: number; freshPerLoadMs?: number; maxFreshMs?: number } = {},
  ) {
    this.staleMs = options.staleMs ?? 500;
    if (freshMs <= 0) return;
    const { freshPerLoadMs, maxFreshMs = freshMs } = options;
    this.cache = new LRUCache<string, V, () => Promise<V>>({
      max: options.maxEntries ?? 2_000,
      ttl: freshMs,
      allowStale: true,
      noDeleteOnStaleGet: true,
      // A failed refresh keeps serving the last good value; a failed first load throws to the reader.
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      fetchMethod: async (key, _stale, { context, options: entry }) => {
        const started = performance.now();
        const value = await this.loadTracked(key, context);
        if (freshPerLoadMs) {
          const earned = (performance.now() - started) * freshPerLoadMs;
          entry.ttl = Math.round(Math.min(maxFreshMs, Math.max(freshMs, earned)));
        }
        return value;
      },
    });
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.cache) return load();
    if (!this.servable(key)) this.cache.delete(key);
    const value = await this.cache.fetch(key, { context: load });
    return value ?? load();
  }

  /** The value while it may still be served (see the class), without ever loading it. */
  peek(key: string): V | undefined {
    if (!this.cache || !this.servable(key)) return undefined;
    return this.cache.peek(key, { allowStale: true });
  }

  /** Fresh, stale by at most `staleMs`, or older with its refresh running. */
  private servable(key: string): boolean {
    // Remaining time to live turns negative once an entry is stale.
    return this.cache!.getRemainingTTL(key) >= -this.staleMs || this.loading.has(key);
  }

  private async loadTracked(key: string, load: () => Promise<V>): Promise<V> {
    this.loading.add(key);
    try {
      return await load();
    } finally {
      this.loading.delete(key);
    }
  }
}
