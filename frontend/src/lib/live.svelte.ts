/**
 * Live events over Socket.IO (see shared/API.md "Live events" and @eduplatform/contracts).
 *
 * One connection per signed-in browser tab: the root layout calls `live.start()` when
 * someone is signed in and `live.stop()` when they sign out. Every (re)connection
 * handshakes with the token stored at that moment, re-sends the subscriptions that are
 * still wanted (course follows, dashboards) and then calls the `onConnect` listeners,
 * which refetch their state over HTTP: events missed while disconnected are never
 * replayed, so a reconnect must not leave a stale view (the first connection right after
 * start is skipped: the page has just loaded its state). When the server refuses the
 * token, the connection stops for good (until the next `start()`, e.g. a new login).
 *
 * Components use `onLive(event, handler)`, `onLiveConnect(handler)`, `followCourse(id)`
 * and `live.subscribeDashboard(id, onAck)`; each undoes itself when the component goes.
 */
import type { ClientToServerEvents, ServerToClientEvents, SubscriptionAck } from '@eduplatform/contracts';
import type { Socket } from 'socket.io-client';
import { getToken } from './api';

export type LiveEvent = keyof ServerToClientEvents;
export type LivePayload<E extends LiveEvent> = Parameters<ServerToClientEvents[E]>[0];
/** A first connection within this long of starting finds the page's HTTP state still current. */
const FIRST_CONNECT_FRESH_MS = 5_000;

export type LiveStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting' | 'refused';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Handler = (payload: unknown) => void;
type AckRequest = 'course.follow' | 'course.unfollow' | 'dashboard.subscribe' | 'dashboard.unsubscribe';

const ACK_TIMEOUT_MS = 8000;
/** After the server closed the connection itself, wait this long before one more try. */
const SERVER_CLOSE_RETRY_MS = 5000;
const AUTH_ERROR = /auth|token|jwt|unauthori[sz]ed|forbidden|401|403/i;

class Live {
  status = $state<LiveStatus>('offline');
  /** The server's reason when it refused the connection. */
  refusal = $state<string | null>(null);

  #socket: LiveSocket | null = null;
  /** Bumped by every start/stop, so that a late dynamic import of a stopped run is dropped. */
  #run = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #connectHandlers = new Set<() => void>();
  /** Course id → number of components following it. */
  readonly #follows = new Map<string, number>();
  /** Course id → the components that want its dashboard (told each subscription answer). */
  readonly #dashboards = new Map<string, Set<(ack: SubscriptionAck) => void>>();

  get connected(): boolean {
    return this.status === 'connected';
  }

  /** Connects (once) with the stored token. Does nothing on the server or without a token. */
  start(): void {
    if (import.meta.env.SSR || this.#socket || this.status === 'connecting') return;
    if (!getToken()) return;
    const run = ++this.#run;
    this.status = 'connecting';
    this.refusal = null;
    import('socket.io-client').then(
      ({ io }) => {
        if (run !== this.#run) return;
        const socket: LiveSocket = io({
          path: '/socket.io',
          transports: ['websocket'],
          // Read at every (re)connection attempt: a reconnect carries the current token.
          auth: (cb) => cb({ token: getToken() ?? '' }),
        });
        this.#socket = socket;
        this.#wire(socket, run);
      },
      () => {
        if (run === this.#run) this.status = 'offline';
      },
    );
  }

  /** Disconnects and forgets the connection (subscriptions stay wanted for the next start). */
  stop(status: LiveStatus = 'offline'): void {
    this.#run++;
    this.#clearRetry();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.offAny();
      socket.disconnect();
    }
    this.status = status;
  }

  /** Calls `handler` with every `event` pushed by the server; returns the unsubscribe function. */
  on<E extends LiveEvent>(event: E, handler: (payload: LivePayload<E>) => void): () => void {
    let set = this.#handlers.get(event);
    // Plain sets: the registries are bookkeeping, never rendered.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    if (!set) this.#handlers.set(event, (set = new Set()));
    const h = handler as Handler;
    set.add(h);
    return () => set.delete(h);
  }

  /** Calls `handler` after every reconnection (and a late first connection), once the subscriptions were re-sent. */
  onConnect(handler: () => void): () => void {
    this.#connectHandlers.add(handler);
    return () => this.#connectHandlers.delete(handler);
  }

  /** Follows a course's public rating (`course.rating`); returns the function that stops following. */
  follow(courseId: string): () => void {
    const n = this.#follows.get(courseId) ?? 0;
    this.#follows.set(courseId, n + 1);
    if (n === 0 && this.#socket?.connected) this.#request('course.follow', courseId);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#follows.get(courseId) ?? 1) - 1;
      if (left > 0) {
        this.#follows.set(courseId, left);
        return;
      }
      this.#follows.delete(courseId);
      if (this.#socket?.connected) this.#request('course.unfollow', courseId);
    };
  }

  /**
   * Joins a course's live dashboard (`course.stats`), now and after every reconnection;
   * `onAck` hears each answer of the server. Returns the function that leaves it.
   */
  subscribeDashboard(courseId: string, onAck: (ack: SubscriptionAck) => void): () => void {
    let set = this.#dashboards.get(courseId);
    const first = !set;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    if (!set) this.#dashboards.set(courseId, (set = new Set()));
    set.add(onAck);
    if (this.#socket?.connected) {
      if (first) this.#request('dashboard.subscribe', courseId, (ack) => this.#dashboardAck(courseId, ack));
      else onAck({ ok: true });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      set.delete(onAck);
      if (set.size > 0 || this.#dashboards.get(courseId) !== set) return;
      this.#dashboards.delete(courseId);
      if (this.#socket?.connected) this.#request('dashboard.unsubscribe', courseId);
    };
  }

  #wire(socket: LiveSocket, run: number): void {
    const wiredAt = Date.now();
    let connectedBefore = false;
    socket.on('connect', () => {
      if (run !== this.#run) return;
      this.#clearRetry();
      this.status = 'connected';
      this.refusal = null;
      for (const courseId of this.#follows.keys()) this.#request('course.follow', courseId);
      for (const courseId of this.#dashboards.keys()) {
        this.#request('dashboard.subscribe', courseId, (ack) => this.#dashboardAck(courseId, ack));
      }
      // The first connection, made while the page was loading its state over HTTP, has nothing to catch up on:
      // refetching then would only repeat the page's own requests.
      const firstRightAfterLoad = !connectedBefore && Date.now() - wiredAt < FIRST_CONNECT_FRESH_MS;
      connectedBefore = true;
      if (firstRightAfterLoad) return;
      for (const handler of [...this.#connectHandlers]) {
        try {
          handler();
        } catch (e) {
          console.error('live: connect handler failed', e);
        }
      }
    });

    socket.on('connect_error', (error) => {
      if (run !== this.#run) return;
      // `active` is false when the server itself refused the handshake (bad or expired token):
      // retrying with the same token cannot help, so stop until the next sign-in.
      if (!socket.active || AUTH_ERROR.test(error.message)) {
        this.stop('refused');
        this.refusal = error.message || 'The server refused the live connection.';
      } else {
        this.status = 'reconnecting';
      }
    });

    socket.on('disconnect', (reason) => {
      if (run !== this.#run) return;
      if (socket.active) {
        this.status = 'reconnecting';
        return;
      }
      // The server closed the connection (e.g. the token expired): one more try later,
      // with whatever token is stored by then; a refusal then stops for good.
      this.status = 'reconnecting';
      if (reason === 'io server disconnect') {
        this.#clearRetry();
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = null;
          if (run !== this.#run) return;
          if (getToken()) socket.connect();
          else this.stop();
        }, SERVER_CLOSE_RETRY_MS);
      }
    });

    socket.onAny((event: string, ...args: unknown[]) => {
      const handlers = this.#handlers.get(event);
      if (!handlers) return;
      for (const handler of [...handlers]) {
        try {
          handler(args[0]);
        } catch (e) {
          console.error(`live: handler of ${event} failed`, e);
        }
      }
    });
  }

  #request(event: AckRequest, courseId: string, onAck?: (ack: SubscriptionAck) => void): void {
    const socket = this.#socket;
    if (!socket) return;
    socket.timeout(ACK_TIMEOUT_MS).emit(event, { course_id: courseId }, (err: Error | null, ack?: SubscriptionAck) => {
      if (err) onAck?.({ ok: false, error: 'The server did not answer in time.' });
      else onAck?.(ack ?? { ok: false, error: 'No answer.' });
    });
  }

  #dashboardAck(courseId: string, ack: SubscriptionAck): void {
    for (const listener of [...(this.#dashboards.get(courseId) ?? [])]) listener(ack);
  }

  #clearRetry(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }
}

export const live = new Live();

// ---------------------------------------------------------------- component helpers
// Call these while a component initialises: each one undoes itself when the component goes.

/** Runs `handler` for every `event` while the component is mounted. */
export function onLive<E extends LiveEvent>(event: E, handler: (payload: LivePayload<E>) => void): void {
  $effect(() => live.on(event, handler));
}

/** Runs `handler` after every reconnection while the component is mounted (refetch state here). */
export function onLiveConnect(handler: () => void): void {
  $effect(() => live.onConnect(handler));
}

/** Follows the public rating of the course whose id `courseId()` returns, while mounted. */
export function followCourse(courseId: () => string): void {
  $effect(() => live.follow(courseId()));
}
