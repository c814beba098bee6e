import { LRUCache } from 'lru-cache';

/**
 * A small in-process cache for hot, eventually consistent reads (catalog pages, search results).
 * An entry is fresh for `freshMs`; for `staleMs` after that it is still served while one background refresh
 * runs (stale-while-revalidate), so a slow query is never on a busy reader's path twice and concurrent misses
 * share one query. An entry older than both — left over from a quiet spell — is reloaded before it is answered,
 * so no answer is ever older than `freshMs + staleMs`. With `freshMs` 0 every read goes to the database.
 */
export class ReadCache<V extends object> {
  private readonly cache?: LRUCache<string, V, () => Promise<V>>;
  private readonly staleMs: number;

  constructor(freshMs: number, options: { maxEntries?: number; staleMs?: number } = {}) {
    this.staleMs = options.staleMs ?? 500;
    if (freshMs <= 0) return;
    this.cache = new LRUCache<string, V, () => Promise<V>>({
      max: options.maxEntries ?? 2_000,
      ttl: freshMs,
      allowStale: true,
      noDeleteOnStaleGet: true,
      // A failed refresh keeps serving the last good value; a failed first load throws to the reader.
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      fetchMethod: (_key, _stale, { context }) => context(),
    });
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.cache) return load();
    // Remaining time to live turns negative once an entry is stale.
    if (this.cache.getRemainingTTL(key) < -this.staleMs) this.cache.delete(key);
    const value = await this.cache.fetch(key, { context: load });
    return value ?? load();
  }

  /** The value while it may still be served (fresh, or stale by at most `staleMs`), without ever loading it. */
  peek(key: string): V | undefined {
    if (!this.cache || this.cache.getRemainingTTL(key) < -this.staleMs) return undefined;
    return this.cache.peek(key, { allowStale: true });
  }
}
