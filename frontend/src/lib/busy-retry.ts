// With its extension: the backend's specs compile this file too (Node's module resolution).
import { sleep } from './sleep.js';

/**
 * A server too busy to take a request (503 with Retry-After: more sign-ins than it can hash at this moment, or
 * its database briefly out of reach) has done nothing with it and says when to come back. The app sends it
 * again after that time — jittered, so a crowd refused together does not come back together — for as long as
 * a person would watch a spinner; only then is the 503 shown.
 */
const BUSY_PATIENCE_MS = 20_000;

export interface BusyRetryOptions {
  signal?: AbortSignal;
  /** How long, from the first attempt, the app keeps sending again. */
  patienceMs?: number;
}

/** Sends until the answer is not "busy, come back in N s", or until coming back would exceed the patience. */
export async function untilServed(
  send: () => Promise<Response>,
  { signal, patienceMs = BUSY_PATIENCE_MS }: BusyRetryOptions = {},
): Promise<Response> {
  const giveUpAt = Date.now() + patienceMs;
  for (;;) {
    const response = await send();
    const waitMs = comeBackInMs(response);
    if (waitMs === undefined || Date.now() + waitMs > giveUpAt) return response;
    // The refusal's body is not read: release its connection before waiting.
    await response.body?.cancel();
    await sleep(waitMs, signal);
  }
}

/** The wait a 503 asks for (Retry-After in seconds), stretched by up to half at random; undefined otherwise. */
function comeBackInMs(response: Response): number | undefined {
  if (response.status !== 503) return undefined;
  const seconds = Number(response.headers.get('retry-after'));
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return seconds * 1000 * (1 + Math.random() / 2);
}
