import { ApiError, getToken, identity, onUnauthorized, setToken, tokenClaims, type User } from './api';

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

  /** Resolves the stored token into a user, once. */
  init(f?: typeof fetch): Promise<void> {
    this.#loading ??= this.#load(f);
    return this.#loading;
  }

  /** Asks the server again who the user is (e.g. to see a fresh verification). */
  reload(): Promise<void> {
    this.#loading = this.#load();
    return this.#loading;
  }

  async #load(f?: typeof fetch): Promise<void> {
    if (!getToken()) {
      this.user = null;
      this.ready = true;
      return;
    }
    try {
      const user = await identity.me(f);
      await this.#refreshStaleToken(user, f);
      this.user = user;
    } catch (e) {
      // A bad or expired token is forgotten; a network failure keeps it for the next try.
      if (e instanceof ApiError && e.status === 401) this.clear();
      else this.#loading = null;
      this.user = null;
    } finally {
      this.ready = true;
    }
  }

  /**
   * A token issued before the account was verified still says `is_verified: false`;
   * trade it for a fresh one so that teacher-only commands are accepted.
   */
  async #refreshStaleToken(user: User, f?: typeof fetch): Promise<void> {
    const claims = tokenClaims(getToken());
    if (!claims || claims.is_verified === user.is_verified) return;
    try {
      const { access_token } = await identity.refreshToken(f);
      setToken(access_token);
    } catch {
      // keep the old token: it still works for everything but the verified-only commands
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
