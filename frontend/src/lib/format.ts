import type { Course, Level, Role } from './api';
import { intlLocale, t, type MessageKey } from './i18n/i18n.svelte';

export const LEVELS: readonly Level[] = ['beginner', 'intermediate', 'advanced'];

export function levelLabel(level: Level): string {
  return t(`level.${level}`);
}

export function roleLabel(role: Role): string {
  return t(`role.${role}`);
}

/** "Free" or the price with its currency ("$19.99", "19,99 $"). */
export function priceLabel(course: Pick<Course, 'is_free' | 'price'>): string {
  return course.is_free ? t('price.free') : money(course.price);
}

/** "4.6" or null when the course has no reviews yet. */
export function ratingValue(course: Pick<Course, 'avg_rating' | 'review_count'>): string | null {
  const n = Number(course.avg_rating);
  if (!course.review_count || !Number.isFinite(n) || n <= 0) return null;
  return decimal(n);
}

type CountedNoun = MessageKey & `count.${string}`;

/** "3 reviews", "3 отзыва": the number with the noun in the language's plural form. */
export function plural(n: number, noun: CountedNoun): string {
  return t(noun, { count: n, n: number(n) });
}

/** One decimal place, e.g. a rating: "4.5", "4,5". */
export function decimal(n: number): string {
  return n.toLocaleString(intlLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function number(n: number): string {
  return n.toLocaleString(intlLocale());
}

/** A whole percentage, the same way everywhere ("33%", "33 %"). */
export function percent(value: number): string {
  return (Math.round(value) / 100).toLocaleString(intlLocale(), { style: 'percent' });
}

export function duration(minutes: number): string {
  if (!minutes || minutes < 1) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return t('duration.minutes', { m });
  return m ? t('duration.hoursMinutes', { h, m }) : t('duration.hours', { h });
}

export function dateLabel(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(intlLocale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Amounts are US dollars; the language decides how they are written ("$1,249.50", "1 249,50 $"). */
export function money(value: string | number | null | undefined): string {
  const n = Number(value);
  if (value == null || !Number.isFinite(n)) return '—';
  return n.toLocaleString(intlLocale(), { style: 'currency', currency: 'USD' });
}
