import { browser } from '$app/environment';
import { session, SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { LayoutLoad } from './$types';

// Public pages are rendered on the server so that they paint before JavaScript; who is logged in is only known
// in the browser (the token lives in localStorage), so the server renders them as a visitor sees them and
// user-specific pages opt out of server rendering.
export const prerender = false;
export const trailingSlash = 'never';

export const load: LayoutLoad = async ({ data, fetch, depends }) => {
  depends(SESSION_DEPENDENCY);
  if (browser) await session.init(fetch);
  return { locale: data.locale };
};
