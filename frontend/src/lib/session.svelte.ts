import { ApiError, getToken, identity, onUnauthorized, setToken, type User } from './api';

/** Loads that show something user-specific `depends()` on this key. */
export const SESSION_DEPENDENCY = 'app:session';

/** Who is logged in: the token lives in localStorage, the user comes from GET /api/identity/me. */
class Session {
  user = $state<User | null>(null);
  /** True once the stored token (if any) has been checked. */
  ready = $state(false);
  #loading: Promise<void> | null = null;

  constructor() {
    onUnauthorized(() => this.clear());
  }

  get loggedIn(): boolean {
    return this.user !== null;
  }

  /** Resolves the stored token into a user, once. */
  init(f?: typeof fetch): Promise<void> {
    this.#loading ??= this.#refresh(f);
    return this.#loading;
  }

  async #refresh(f?: typeof fetch): Promise<void> {
    if (!getToken()) {
      this.user = null;
      this.ready = true;
      return;
    }
    try {
      this.user = await identity.me(f);
    } catch (e) {
      // A bad or expired token is forgotten; a network failure keeps it for the next try.
      if (e instanceof ApiError && e.status === 401) this.clear();
      else this.#loading = null;
      this.user = null;
    } finally {
      this.ready = true;
    }
  }

  /** Stores a fresh token and loads its user. */
  async signIn(token: string): Promise<User> {
    setToken(token);
    const user = await identity.me();
    this.user = user;
    this.ready = true;
    this.#loading = Promise.resolve();
    return user;
  }

  clear(): void {
    setToken(null);
    this.user = null;
    this.#loading = Promise.resolve();
  }
}

export const session = new Session();
