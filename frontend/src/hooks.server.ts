import type { Handle, HandleFetch } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from '$lib/i18n/i18n.svelte';

/** The page's language: the visitor's explicit choice (cookie), else the browser's languages. */
export const handle: Handle = async ({ event, resolve }) => {
  const chosen = event.cookies.get(LOCALE_COOKIE);
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage(event.request.headers.get('accept-language'));
  event.locals.locale = locale;
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};

/**
 * Where server-side loads reach the API: this process itself (the api process mounts the app) over loopback.
 * The page's public origin may be https behind a proxy, or unreachable from here; API_ORIGIN overrides.
 */
const apiOrigin = process.env.API_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export const handleFetch: HandleFetch = ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
    return fetch(new Request(new URL(url.pathname + url.search, apiOrigin), request));
  }
  return fetch(request);
};
