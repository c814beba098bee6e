import type { CourseQuery, CourseSort, Level } from './api';
import { LEVELS } from './format';

export const SORTS: readonly CourseSort[] = ['newest', 'rating', 'popular', 'price'];
export const PAGE_SIZES: readonly number[] = [10, 20, 50];
export const DEFAULT_LIMIT = 20;

/** The catalog's filters, as kept in the page URL. */
export interface CatalogFilters {
  q: string;
  level: Level | '';
  is_free: 'true' | 'false' | '';
  sort: CourseSort | '';
  limit: number;
  offset: number;
}

function int(value: string | null, fallback: number, min: number, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

export function parseFilters(params: URLSearchParams): CatalogFilters {
  const level = params.get('level') ?? '';
  const isFree = params.get('is_free') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : '',
    is_free: isFree === 'true' || isFree === 'false' ? isFree : '',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as CourseSort) : '',
    limit: int(params.get('limit'), DEFAULT_LIMIT, 1, 100),
    offset: int(params.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

export function toQuery(f: CatalogFilters): CourseQuery {
  return {
    q: f.q || undefined,
    level: f.level || undefined,
    is_free: f.is_free || undefined,
    sort: f.sort || undefined,
    limit: f.limit,
    offset: f.offset,
  };
}

/** The catalog URL for these filters (defaults left out). */
export function catalogHref(f: CatalogFilters): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.level) params.set('level', f.level);
  if (f.is_free) params.set('is_free', f.is_free);
  if (f.sort) params.set('sort', f.sort);
  if (f.limit !== DEFAULT_LIMIT) params.set('limit', String(f.limit));
  if (f.offset > 0) params.set('offset', String(f.offset));
  const s = params.toString();
  return s ? `/?${s}` : '/';
}
