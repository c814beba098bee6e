import type { Course, Level, Role } from './api';

export const LEVELS: readonly Level[] = ['beginner', 'intermediate', 'advanced'];

export function levelLabel(level: Level): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}

export function roleLabel(role: Role): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

export function priceLabel(course: Pick<Course, 'is_free' | 'price'>): string {
  if (course.is_free) return 'Free';
  const n = Number(course.price);
  return Number.isFinite(n) ? `$${n.toFixed(2)}` : `$${course.price ?? ''}`;
}

/** "4.6" or null when the course has no reviews yet. */
export function ratingValue(course: Pick<Course, 'avg_rating' | 'review_count'>): string | null {
  const n = Number(course.avg_rating);
  if (!course.review_count || !Number.isFinite(n) || n <= 0) return null;
  return n.toFixed(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function duration(minutes: number): string {
  if (!minutes || minutes < 1) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function dateLabel(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "$1,249.50" for a decimal string or number. */
export function money(value: string | number | null | undefined): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return value == null ? '—' : `$${value}`;
  return n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}
