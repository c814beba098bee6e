import { session, SESSION_DEPENDENCY } from '$lib/session.svelte';
import type { LayoutLoad } from './$types';

// The app renders in the browser: who is logged in is only known there
// (the token lives in localStorage). The server sends the app shell.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

export const load: LayoutLoad = async ({ fetch, depends }) => {
  depends(SESSION_DEPENDENCY);
  await session.init(fetch);
  return {};
};
