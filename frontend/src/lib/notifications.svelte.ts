/**
 * The signed-in user's notifications: the header bell and /notifications share this state.
 * Loaded over HTTP when someone signs in and after every live (re)connection; a
 * `notification.created` push adds to it at once.
 */
import { errorMessage, notifications as api, type Notification } from './api';
import { live } from './live.svelte';

const PAGE = 20;

class NotificationCenter {
  items = $state<Notification[]>([]);
  total = $state(0);
  unread = $state(0);
  loaded = $state(false);
  loading = $state(false);
  error = $state<string | null>(null);
  /** The title of the last pushed notification, for a polite screen reader announcement. */
  announcement = $state('');

  #userId: string | null = null;
  #seq = 0;
  /** Pushed while a refetch was in flight: kept if the refetch's answer predates them. */
  #pushedDuringLoad: Notification[] = [];

  constructor() {
    live.on('notification.created', (n) => this.received(n));
    live.onConnect(() => {
      if (this.#userId) void this.refresh();
    });
  }

  get hasMore(): boolean {
    return this.items.length < this.total;
  }

  /** Starts following `userId`'s notifications (no-op when already following them). */
  attach(userId: string): void {
    if (this.#userId === userId) return;
    this.#reset();
    this.#userId = userId;
    void this.refresh();
  }

  detach(): void {
    this.#reset();
  }

  /** Reloads the first page (at least as many items as are shown now, up to 100). */
  async refresh(): Promise<void> {
    const userId = this.#userId;
    if (!userId) return;
    const seq = ++this.#seq;
    this.#pushedDuringLoad = [];
    this.loading = true;
    try {
      const page = await api.mine({ limit: Math.min(100, Math.max(PAGE, this.items.length)) });
      if (seq !== this.#seq || userId !== this.#userId) return;
      const missing = this.#pushedDuringLoad.filter((n) => !page.items.some((i) => i.id === n.id));
      this.items = [...missing, ...page.items];
      this.total = page.total + missing.length;
      this.unread = page.unread + missing.filter((n) => !n.is_read).length;
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (seq === this.#seq) this.error = errorMessage(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  async loadMore(): Promise<void> {
    const userId = this.#userId;
    if (!userId || this.loading) return;
    this.loading = true;
    try {
      const page = await api.mine({ limit: PAGE, offset: this.items.length });
      if (userId !== this.#userId) return;
      const fresh = page.items.filter((n) => !this.items.some((i) => i.id === n.id));
      this.items = [...this.items, ...fresh];
      this.total = page.total;
      this.unread = page.unread;
      this.error = null;
    } catch (e) {
      this.error = errorMessage(e);
    } finally {
      this.loading = false;
    }
  }

  /** A `notification.created` push. */
  received(n: Notification): void {
    if (!this.#userId || n.user_id !== this.#userId) return;
    if (this.loading) this.#pushedDuringLoad.push(n);
    if (this.items.some((i) => i.id === n.id)) return;
    this.items = [n, ...this.items];
    this.total += 1;
    if (!n.is_read) this.unread += 1;
    this.announcement = `New notification: ${n.title}`;
  }

  async markRead(id: string): Promise<void> {
    const item = this.items.find((n) => n.id === id);
    if (!item || item.is_read) return;
    this.#setRead(id, true);
    try {
      await api.markRead(id);
    } catch (e) {
      this.#setRead(id, false);
      this.error = errorMessage(e);
    }
  }

  async markAllRead(): Promise<void> {
    const ids = this.items.filter((n) => !n.is_read).map((n) => n.id);
    for (const id of ids) await this.markRead(id);
  }

  #setRead(id: string, read: boolean): void {
    this.items = this.items.map((n) => (n.id === id ? { ...n, is_read: read } : n));
    this.unread = Math.max(0, this.unread + (read ? -1 : 1));
  }

  #reset(): void {
    this.#userId = null;
    this.#seq++;
    this.items = [];
    this.total = 0;
    this.unread = 0;
    this.loaded = false;
    this.loading = false;
    this.error = null;
    this.announcement = '';
  }
}

export const notificationCenter = new NotificationCenter();
