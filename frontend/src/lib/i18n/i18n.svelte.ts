import i18next, { type TOptions } from 'i18next';
import { en } from './en';
import { ru } from './ru';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** The cookie that keeps a visitor's explicit choice; without it the browser's languages decide. */
export const LOCALE_COOKIE = 'lang';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

/** The first supported language of an Accept-Language header (by q-value), English when none. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.lang && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? 'en';
}

// One i18next instance per language, initialized synchronously from bundled messages (no loading flash).
const translators = Object.fromEntries(
  LOCALES.map((lng) => {
    const instance = i18next.createInstance();
    void instance.init({
      lng,
      fallbackLng: 'en',
      resources: { en: { translation: en }, ru: { translation: ru } },
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      // Svelte escapes what it renders.
      interpolation: { escapeValue: false },
    });
    return [lng, instance];
  }),
) as unknown as Record<Locale, { t: (key: string, options?: TOptions) => string }>;

class CurrentLocale {
  value = $state<Locale>('en');
}

/**
 * The page's language. The root layout sets it from the server's choice before any child renders; server
 * rendering is synchronous, so a request never renders with another request's language.
 */
export const locale = new CurrentLocale();

export type MessageKey = keyof typeof en extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never;

/** The message `key` in the current language; `count` picks the plural form (Russian has three). */
export function t(key: MessageKey, options?: TOptions): string {
  return translators[locale.value].t(key, options);
}

/** BCP 47 tag for Intl formatting. */
export function intlLocale(): string {
  return locale.value === 'ru' ? 'ru-RU' : 'en-US';
}
