// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n/i18n.svelte';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      locale: Locale;
    }
  }
}

export {};
