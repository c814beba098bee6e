import { ApiError } from './api';
import { sleep } from './sleep';

/**
 * Reads what a command answered a moment ago (a course just created, a certificate just earned). Read models
 * follow the commands by a fraction of a second — events travel to them in batches — so a 404 is asked again
 * a few times before it is believed.
 */
export async function onceProjected<T>(read: () => Promise<T>, { attempts = 15, intervalMs = 200 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404) || attempt >= attempts) throw e;
      await sleep(intervalMs);
    }
  }
}
