import { error } from '@sveltejs/kit';
import { ApiError, enrollment, errorMessage } from '$lib/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, fetch }) => {
  try {
    return { certificate: await enrollment.certificate(params.id, fetch) };
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 422)) {
      error(404, 'There is no certificate with this number.');
    }
    error(e instanceof ApiError && e.status >= 400 ? e.status : 502, errorMessage(e));
  }
};
