import type { HttpResult } from './http-client.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends again while the api answers 503 ("busy, retry in a moment" — e.g. the shared Postgres is out of
 * connections): a spec about permissions or races should not fail on the machine's load. Any other answer
 * is returned as it is.
 */
export async function unlessBusy<T = any>(send: () => Promise<HttpResult<T>>, attempts = 20): Promise<HttpResult<T>> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await send();
    if (result.status !== 503 || attempt >= attempts) return result;
    await pause(100 * attempt);
  }
}

/** Retries a setup step (e.g. `actors.register`) that throws on a busy api. */
export async function retried<T>(step: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await pause(200 * attempt);
    }
  }
}
