import { error } from '@sveltejs/kit';
import { ApiError, enrollment, errorMessage } from '$lib/api';
import { onceProjected } from '$lib/read-after-write';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    // The completion's answer links here at once, before the certificate has reached its read model.
    return { certificate: await onceProjected(() => enrollment.certificate(params.id, fetch), { attempts: 10 }) };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 422)) {
      error(404, 'There is no certificate with this number.');
    }
    error(e instanceof ApiError && e.status >= 400 ? e.status : 502, errorMessage(e));
  }
};
