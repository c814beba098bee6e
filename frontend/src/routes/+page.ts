import { courses, errorMessage } from '$lib/api';
import { parseFilters, toQuery } from '$lib/catalog';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, fetch }) => {
  const filters = parseFilters(url.searchParams);
  try {
    const result = await courses.list(toQuery(filters), fetch);
    return { filters, result, error: null };
  } catch (e) {
    return { filters, result: null, error: errorMessage(e) };
  }
};
