/**
 * The one way this app talks to the EduPlatform API (see shared/API.md).
 *
 * Every call goes to a relative `/api/...` URL: in production the api process
 * serves this app on its own origin, in development Vite proxies `/api`.
 * `request()` adds the bearer token kept in localStorage and turns any non-2xx
 * answer into an `ApiError` carrying the HTTP status and the server's `detail`.
 */

// ---------------------------------------------------------------- types

export type Role = 'student' | 'teacher' | 'admin';
export type Level = 'beginner' | 'intermediate' | 'advanced';
export type CourseSort = 'newest' | 'rating' | 'popular' | 'price';
export type EnrollmentStatus = 'enrolled' | 'in_progress' | 'completed';

/** Money is a decimal string in responses, e.g. "49.99". */
export type Money = string;

/** A list answer: `{ items, total }`. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  is_verified: boolean;
  created_at: string;
}

export interface PendingTeacher {
  id: string;
  email: string;
  name: string;
  created_at: string;
}

export interface Course {
  id: string;
  teacher_id: string;
  teacher_name: string;
  title: string;
  description: string;
  is_free: boolean;
  price: Money | null;
  duration_minutes: number;
  level: Level;
  /** Average of the reviews; null (or 0) while the course has none. */
  avg_rating: number | string | null;
  review_count: number;
  enrollment_count: number;
  /** Count of 1- to 5-star reviews (index 0 is 1 star). */
  rating_histogram?: number[];
  /** Drafts are seen by their owner and admins only. */
  status?: CourseStatus;
  created_at: string;
}

export type CourseStatus = 'draft' | 'published';

/** A module as its commands answer (without lessons). */
export interface ModuleRecord {
  id: string;
  course_id: string;
  title: string;
  order: number;
}

/** What a teacher writes for a lesson. */
export interface LessonInput {
  title: string;
  content: string;
  video_url?: string | null;
  duration_minutes?: number;
  order?: number;
  is_preview?: boolean;
}

export interface LessonSummary {
  id: string;
  module_id: string;
  title: string;
  video_url?: string | null;
  duration_minutes: number;
  order: number;
  is_preview: boolean;
}

export interface CurriculumModule {
  id: string;
  course_id: string;
  title: string;
  order: number;
  lessons: LessonSummary[];
}

export interface Curriculum {
  course: Course;
  modules: CurriculumModule[];
  total_lessons: number;
}

export interface Lesson extends LessonSummary {
  course_id: string;
  /** Markdown source. */
  content: string;
  /** Rendered and sanitized by the server, when it provides it. */
  content_html?: string | null;
  prev_lesson_id: string | null;
  next_lesson_id: string | null;
}

export interface LessonPlace {
  id: string;
  title: string;
  course_id: string;
  is_preview: boolean;
  course: Course;
}

export interface Review {
  id: string;
  student_id: string;
  student_name: string;
  course_id: string;
  rating: number;
  comment: string;
  created_at: string;
}

export interface Enrollment {
  id: string;
  student_id: string;
  course_id: string;
  payment_id: string | null;
  status: EnrollmentStatus;
  enrolled_at: string;
}

/** Progress counts, as in a `progress.updated` push and a lesson completion answer. */
export interface ProgressCounts {
  course_id?: string;
  completed_lessons: number;
  total_lessons: number;
  percentage: number;
  status: EnrollmentStatus;
}

export interface CourseProgress extends ProgressCounts {
  course_id: string;
  completed_lesson_ids: string[];
}

export interface LessonCompletion {
  id: string;
  lesson_id: string;
  course_id: string;
  completed_at: string;
  progress: ProgressCounts;
}

/** An item of GET /enrollment/enrollments/me. */
export interface MyEnrollment extends Enrollment {
  course_title: string;
  completed_at: string | null;
  certificate_id: string | null;
  completed_lessons: number;
  total_lessons: number;
  percentage: number;
}

export interface Certificate {
  id: string;
  student_name: string;
  course_id: string;
  course_title: string;
  completed_at: string;
}

export interface Payment {
  id: string;
  student_id: string;
  course_id: string;
  amount: Money;
  status: 'completed';
  created_at: string;
}

export interface Notification {
  id: string;
  user_id: string;
  type: string;
  title: string;
  body: string;
  is_read: boolean;
  created_at: string;
}

export interface NotificationPage extends Page<Notification> {
  unread: number;
}

export interface DayCount {
  /** YYYY-MM-DD */
  day: string;
  count: number;
}

export interface FunnelStep {
  lesson_id: string;
  title: string;
  order: number;
  completed: number;
}

/** The teacher's live dashboard of one course (GET /course/courses/{id}/dashboard). */
export interface CourseDashboard {
  course_id: string;
  enrollment_count: number;
  enrollments_per_day: DayCount[];
  active_learners: number;
  completions: number;
  funnel: FunnelStep[];
  rating_histogram: number[];
  avg_rating: number | string | null;
  review_count: number;
  revenue: Money;
}

export interface DashboardOverview {
  items: CourseDashboard[];
  totals: { enrollment_count: number; completions: number; revenue: Money };
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  role: 'student' | 'teacher';
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface CreateCourseInput {
  title: string;
  description: string;
  is_free: boolean;
  price?: number | string;
  duration_minutes: number;
  level: Level;
}

export interface CourseQuery {
  q?: string;
  level?: Level;
  is_free?: boolean;
  min_rating?: number;
  sort?: CourseSort;
  limit?: number;
  offset?: number;
}

// ---------------------------------------------------------------- errors

/** A non-2xx answer (or no answer at all: status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** The server's human readable reason (`detail`). */
  readonly detail: string;
  /** Offending fields of a 422, when the server lists them. */
  readonly fields: string[];
  /** The whole error body, for answers that carry more than `detail` (e.g. a 409's `payment_id`). */
  readonly body: Record<string, unknown>;

  constructor(status: number, detail: string, fields: string[] = [], body: Record<string, unknown> = {}) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.fields = fields;
    this.body = body;
  }
}

/** The message to show a person for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.detail;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}

function statusText(status: number): string {
  switch (status) {
    case 400:
      return 'The request was not accepted.';
    case 401:
      return 'Please log in.';
    case 403:
      return 'You are not allowed to do that.';
    case 404:
      return 'Not found.';
    case 409:
      return 'That conflicts with the current state.';
    case 422:
      return 'Some fields are invalid.';
    case 429:
      return 'Too many attempts. Please wait a moment and try again.';
    default:
      return status >= 500 ? 'The server had a problem. Please try again.' : `Request failed (${status}).`;
  }
}

interface FieldIssue {
  loc?: unknown;
  field?: unknown;
  property?: unknown;
  path?: unknown;
  msg?: unknown;
  message?: unknown;
}

function issueField(issue: FieldIssue): string | undefined {
  const raw = issue.field ?? issue.property ?? issue.path ?? issue.loc;
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    const parts = raw.filter((p) => p !== 'body').map(String);
    return parts.length ? parts.join('.') : undefined;
  }
  return undefined;
}

/** Reads `{detail: string}`, tolerating list-shaped validation answers. */
async function readError(response: Response): Promise<ApiError> {
  let body: unknown = undefined;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall back to the status text
  }
  let detail = statusText(response.status);
  const fields: string[] = [];
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const issues = Array.isArray(b.detail)
      ? b.detail
      : Array.isArray(b.errors)
        ? b.errors
        : Array.isArray(b.fields)
          ? b.fields
          : [];
    for (const issue of issues) {
      if (typeof issue === 'string') {
        fields.push(issue);
      } else if (issue && typeof issue === 'object') {
        const f = issueField(issue as FieldIssue);
        if (f) fields.push(f);
      }
    }
    if (typeof b.detail === 'string' && b.detail.trim()) {
      detail = b.detail;
    } else if (Array.isArray(b.detail)) {
      const messages = (b.detail as unknown[])
        .map((i) => (typeof i === 'string' ? i : ((i as FieldIssue)?.msg ?? (i as FieldIssue)?.message)))
        .filter((m): m is string => typeof m === 'string');
      if (messages.length) detail = messages.join('; ');
    } else if (typeof b.message === 'string') {
      detail = b.message;
    }
  }
  const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return new ApiError(response.status, detail, fields, record);
}

// ---------------------------------------------------------------- token

const TOKEN_KEY = 'eduplatform.token';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

export function setToken(token: string | null): void {
  const s = storage();
  if (!s) return;
  if (token) s.setItem(TOKEN_KEY, token);
  else s.removeItem(TOKEN_KEY);
}

/** The claims of a JWT as the API issues them (`sub`, `role`, `is_verified`, `iat`, `exp`). */
export interface TokenClaims {
  sub: string;
  role: Role;
  is_verified: boolean;
  iat: number;
  exp: number;
}

/** Reads (does not verify) the claims of a token; null if it is not a readable JWT. */
export function tokenClaims(token: string | null): TokenClaims | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return claims && typeof claims === 'object' ? (claims as TokenClaims) : null;
  } catch {
    return null;
  }
}

let unauthorizedListener: (() => void) | null = null;

/** Called when a request that carried a token is answered 401 (expired or revoked token). */
export function onUnauthorized(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

// ---------------------------------------------------------------- request

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the bearer token if there is one (default true). */
  auth?: boolean;
  /** SvelteKit's `fetch` inside a load function; the global one otherwise. */
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { query, body, auth = true, signal } = options;
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await doFetch(`/api${path}${buildQuery(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Cannot reach the server. Check your connection and try again.');
  }

  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && token) {
      // The stored token is expired or revoked: forget it. A read is retried
      // anonymously, so public pages keep working for a stale session.
      setToken(null);
      unauthorizedListener?.();
      if (method === 'GET') return request<T>(method, path, { ...options, auth: false });
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Accepts either a bare array or a `{items, total}` page. */
function asPage<T>(value: Page<T> | T[]): Page<T> {
  return Array.isArray(value) ? { items: value, total: value.length } : value;
}

type Fetch = typeof fetch;

// ---------------------------------------------------------------- identity

export const identity = {
  register: (input: RegisterInput) =>
    request<TokenResponse>('POST', '/identity/register', { body: input, auth: false }),
  login: (input: LoginInput) => request<TokenResponse>('POST', '/identity/login', { body: input, auth: false }),
  me: (f?: Fetch) => request<User>('GET', '/identity/me', { fetch: f }),
  /** A fresh token with the account's current claims (e.g. after a teacher was verified). */
  refreshToken: (f?: Fetch) => request<TokenResponse>('POST', '/identity/token/refresh', { fetch: f }),
  pendingTeachers: async (f?: Fetch, query: Query = { limit: 100 }) =>
    asPage(
      await request<Page<PendingTeacher> | PendingTeacher[]>('GET', '/identity/admin/teachers/pending', {
        fetch: f,
        query,
      }),
    ),
  verifyUser: (userId: string) => request<User>('PATCH', `/identity/admin/users/${encodeURIComponent(userId)}/verify`),
};

// ---------------------------------------------------------------- course

export const courses = {
  list: (query: CourseQuery = {}, f?: Fetch, signal?: AbortSignal) =>
    request<Page<Course>>('GET', '/course/courses', { query: { ...query }, fetch: f, signal }),
  mine: async (f?: Fetch, query: Query = { limit: 100 }) =>
    asPage(await request<Page<Course> | Course[]>('GET', '/course/courses/my', { fetch: f, query })),
  get: (id: string, f?: Fetch) => request<Course>('GET', `/course/courses/${encodeURIComponent(id)}`, { fetch: f }),
  curriculum: (id: string, f?: Fetch) =>
    request<Curriculum>('GET', `/course/courses/${encodeURIComponent(id)}/curriculum`, { fetch: f }),
  create: (input: CreateCourseInput) => request<Course>('POST', '/course/courses', { body: input }),
  update: (id: string, input: Partial<CreateCourseInput>) =>
    request<Course>('PUT', `/course/courses/${encodeURIComponent(id)}`, { body: input }),
  /** 422 while the course has no lessons. */
  publish: (id: string) => request<Course>('POST', `/course/courses/${encodeURIComponent(id)}/publish`),
  addModule: (courseId: string, input: { title: string; order?: number }) =>
    request<ModuleRecord>('POST', `/course/courses/${encodeURIComponent(courseId)}/modules`, { body: input }),
  updateModule: (id: string, input: { title?: string; order?: number }) =>
    request<ModuleRecord>('PUT', `/course/modules/${encodeURIComponent(id)}`, { body: input }),
  removeModule: (id: string) => request<void>('DELETE', `/course/modules/${encodeURIComponent(id)}`),
  addLesson: (moduleId: string, input: LessonInput) =>
    request<Lesson>('POST', `/course/modules/${encodeURIComponent(moduleId)}/lessons`, { body: input }),
  updateLesson: (id: string, input: Partial<LessonInput>) =>
    request<Lesson>('PUT', `/course/lessons/${encodeURIComponent(id)}`, { body: input }),
  removeLesson: (id: string) => request<void>('DELETE', `/course/lessons/${encodeURIComponent(id)}`),
  /** Markdown rendered and sanitized by the server exactly as lessons are served. */
  previewLesson: (content: string, signal?: AbortSignal) =>
    request<{ content_html: string }>('POST', '/course/lessons/preview', { body: { content }, signal }),
  lesson: (id: string, f?: Fetch) => request<Lesson>('GET', `/course/lessons/${encodeURIComponent(id)}`, { fetch: f }),
  /** A lesson's title and course, public like the curriculum (for a lesson the caller may not read yet). */
  lessonPlace: (id: string, f?: Fetch) =>
    request<LessonPlace>('GET', `/course/lessons/${encodeURIComponent(id)}/place`, { fetch: f }),
  reviews: async (courseId: string, f?: Fetch, query: Query = { limit: 20 }) =>
    asPage(
      await request<Page<Review> | Review[]>('GET', `/course/reviews/course/${encodeURIComponent(courseId)}`, {
        fetch: f,
        query,
      }),
    ),
  dashboard: (id: string, f?: Fetch) =>
    request<CourseDashboard>('GET', `/course/courses/${encodeURIComponent(id)}/dashboard`, { fetch: f }),
  myDashboard: (f?: Fetch) => request<DashboardOverview>('GET', '/course/courses/my/dashboard', { fetch: f }),
  postReview: (input: { course_id: string; rating: number; comment: string }) =>
    request<Review>('POST', '/course/reviews', { body: input }),
  editReview: (id: string, input: { rating?: number; comment?: string }) =>
    request<Review>('PUT', `/course/reviews/${encodeURIComponent(id)}`, { body: input }),
};

// ---------------------------------------------------------------- payment

export const payments = {
  mine: (query: Query = { limit: 100 }) => request<Page<Payment>>('GET', '/payment/payments/me', { query }),
  /** Retried with the same `idempotencyKey`, the server answers with the same payment. */
  pay: (courseId: string, amount: Money, idempotencyKey: string) =>
    request<Payment>('POST', '/payment/payments', {
      body: { course_id: courseId, amount },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
};

// ---------------------------------------------------------------- enrollment

export const enrollment = {
  enroll: (courseId: string, paymentId?: string) =>
    request<Enrollment>('POST', '/enrollment/enrollments', {
      body: paymentId ? { course_id: courseId, payment_id: paymentId } : { course_id: courseId },
    }),
  mine: (f?: Fetch, query: Query = { limit: 100 }) =>
    request<Page<MyEnrollment>>('GET', '/enrollment/enrollments/me', { fetch: f, query }),
  /** 403 when the student is not enrolled in the course. */
  progress: (courseId: string, f?: Fetch) =>
    request<CourseProgress>('GET', `/enrollment/progress/courses/${encodeURIComponent(courseId)}`, { fetch: f }),
  completeLesson: (lessonId: string, courseId?: string) =>
    request<LessonCompletion>('POST', `/enrollment/progress/lessons/${encodeURIComponent(lessonId)}/complete`, {
      body: courseId ? { course_id: courseId } : {},
    }),
  certificate: (id: string, f?: Fetch) =>
    request<Certificate>('GET', `/enrollment/certificates/${encodeURIComponent(id)}`, { fetch: f, auth: false }),
};

// ---------------------------------------------------------------- notification

export const notifications = {
  mine: (query: Query = { limit: 20 }, f?: Fetch) =>
    request<NotificationPage>('GET', '/notification/notifications/me', { fetch: f, query }),
  markRead: (id: string) =>
    request<Notification>('PATCH', `/notification/notifications/${encodeURIComponent(id)}/read`),
};

/** A fresh random key (UUID v4), also outside secure contexts where `crypto.randomUUID` is missing. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
