import type { components, paths } from '@eduplatform/contracts/api';
import { untilServed } from './busy-retry';

/**
 * The one way this app talks to the EduPlatform API (see shared/API.md).
 *
 * Every call names an operation of the API contract (contracts/api.d.ts, generated from the backend's
 * OpenAPI document) by its path and method, so its parameters, body and answer are typed by the backend's
 * own schemas. Calls go to relative `/api/...` URLs: in production the api process serves this app on its
 * own origin, in development Vite proxies `/api`. `request()` adds the bearer token kept in localStorage,
 * waits out a busy server's 503 as its Retry-After says (busy-retry.ts), and turns any other non-2xx answer
 * into an `ApiError` carrying the HTTP status and the server's `detail`.
 */

// ---------------------------------------------------------------- types

// Every shape is the backend's own, generated into contracts/api.d.ts from its OpenAPI document
// (`npm run api:contract`); the names here are short aliases.
type Schemas = components['schemas'];

export type User = Schemas['User'];
export type Role = User['role'];
export type TokenResponse = Schemas['Token'];
export type PendingTeacher = Schemas['PendingTeacher'];
export type Course = Schemas['Course'];
export type CoursePage = Schemas['CoursePage'];
export type Level = Course['level'];
export type CourseStatus = Course['status'];
export type ModuleRecord = Schemas['Module'];
/** A lesson as its author wrote it (the answer of adding or changing one). */
export type AuthoredLesson = Schemas['Lesson'];
/** A lesson as its readers get it (rendered content, neighbours). */
export type Lesson = Schemas['LessonToRead'];
export type LessonSummary = Schemas['CurriculumLesson'];
export type CurriculumModule = Schemas['CurriculumModule'];
export type Curriculum = Schemas['Curriculum'];
export type LessonPlace = Schemas['LessonPlace'];
export type Review = Schemas['Review'];
export type Enrollment = Schemas['Enrollment'];
export type EnrollmentStatus = Enrollment['status'];
export type CourseProgress = Schemas['CourseProgress'];
export type MyEnrollment = Schemas['MyEnrollment'];
export type Certificate = Schemas['Certificate'];
export type Payment = Schemas['Payment'];
export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
export type DayCount = Schemas['DayCount'];
export type FunnelStep = Schemas['FunnelStep'];
export type CourseDashboard = Schemas['CourseDashboard'];
export type DashboardOverview = Schemas['DashboardOverview'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON of an operation's success answer; void when it has none (204). */
type Answer<O> = O extends { responses: infer R }
  ? [JsonOf<R[keyof R]>] extends [never]
    ? void
    : JsonOf<R[keyof R]>
  : never;
type BodyOf<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type RegisterInput = BodyOf<Operation<'/api/identity/register', 'post'>>;
export type CreateCourseInput = BodyOf<Operation<'/api/course/courses', 'post'>>;
export type CourseQuery = QueryOf<Operation<'/api/course/courses', 'get'>>;
export type CourseSort = NonNullable<CourseQuery['sort']>;
/** `?limit=&offset=` of a list. */
type PageQuery = QueryOf<Operation<'/api/course/courses/my', 'get'>>;

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

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { query, body, auth = true, signal } = options;
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal };
    response = await untilServed(() => doFetch(`${path}${buildQuery(query)}`, init), { signal });
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

type CallOptions<O> = Omit<RequestOptions, 'body' | 'query'> & {
  /** Values of the path's `{name}` parameters. */
  params?: Record<string, string>;
  body?: BodyOf<O>;
  query?: QueryOf<O>;
};

/** One operation of the contract: its path parameters filled in, its body, query and answer typed. */
function call<P extends keyof paths, M extends Method>(
  method: M,
  path: P,
  options: CallOptions<Operation<P, M>> = {},
): Promise<Answer<Operation<P, M>>> {
  const { params = {}, ...rest } = options;
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return request(method.toUpperCase(), url, rest);
}

type Fetch = typeof fetch;

// ---------------------------------------------------------------- identity

export const identity = {
  register: (body: RegisterInput) => call('post', '/api/identity/register', { body, auth: false }),
  login: (body: BodyOf<Operation<'/api/identity/login', 'post'>>) =>
    call('post', '/api/identity/login', { body, auth: false }),
  me: (f?: Fetch) => call('get', '/api/identity/me', { fetch: f }),
  /** A fresh token with the account's current claims (e.g. after a teacher was verified). */
  refreshToken: (f?: Fetch) => call('post', '/api/identity/token/refresh', { fetch: f }),
  pendingTeachers: (
    f?: Fetch,
    query: QueryOf<Operation<'/api/identity/admin/teachers/pending', 'get'>> = { limit: 100 },
  ) => call('get', '/api/identity/admin/teachers/pending', { fetch: f, query }),
  verifyUser: (userId: string) =>
    call('patch', '/api/identity/admin/users/{user_id}/verify', { params: { user_id: userId } }),
};

// ---------------------------------------------------------------- course

type LessonInput = BodyOf<Operation<'/api/course/modules/{id}/lessons', 'post'>>;

export const courses = {
  list: (query: CourseQuery = {}, f?: Fetch, signal?: AbortSignal) =>
    call('get', '/api/course/courses', { query, fetch: f, signal }),
  mine: (f?: Fetch, query: PageQuery = { limit: 100 }) => call('get', '/api/course/courses/my', { fetch: f, query }),
  get: (id: string, f?: Fetch) => call('get', '/api/course/courses/{id}', { params: { id }, fetch: f }),
  curriculum: (id: string, f?: Fetch) =>
    call('get', '/api/course/courses/{id}/curriculum', { params: { id }, fetch: f }),
  create: (body: CreateCourseInput) => call('post', '/api/course/courses', { body }),
  update: (id: string, body: Partial<CreateCourseInput>) =>
    call('put', '/api/course/courses/{id}', { params: { id }, body }),
  /** 422 while the course has no lessons. */
  publish: (id: string) => call('post', '/api/course/courses/{id}/publish', { params: { id } }),
  addModule: (courseId: string, body: { title: string; order?: number }) =>
    call('post', '/api/course/courses/{id}/modules', { params: { id: courseId }, body }),
  updateModule: (id: string, body: { title?: string; order?: number }) =>
    call('put', '/api/course/modules/{id}', { params: { id }, body }),
  removeModule: (id: string) => call('delete', '/api/course/modules/{id}', { params: { id } }),
  addLesson: (moduleId: string, body: LessonInput) =>
    call('post', '/api/course/modules/{id}/lessons', { params: { id: moduleId }, body }),
  updateLesson: (id: string, body: Partial<LessonInput>) =>
    call('put', '/api/course/lessons/{id}', { params: { id }, body }),
  removeLesson: (id: string) => call('delete', '/api/course/lessons/{id}', { params: { id } }),
  /** Markdown rendered and sanitized by the server exactly as lessons are served. */
  previewLesson: (content: string, signal?: AbortSignal) =>
    call('post', '/api/course/lessons/preview', { body: { content }, signal }),
  lesson: (id: string, f?: Fetch) => call('get', '/api/course/lessons/{id}', { params: { id }, fetch: f }),
  /** A lesson's title and course, public like the curriculum (for a lesson the caller may not read yet). */
  lessonPlace: (id: string, f?: Fetch) => call('get', '/api/course/lessons/{id}/place', { params: { id }, fetch: f }),
  reviews: (courseId: string, f?: Fetch, query: PageQuery = { limit: 20 }) =>
    call('get', '/api/course/reviews/course/{id}', { params: { id: courseId }, fetch: f, query }),
  dashboard: (id: string, f?: Fetch) => call('get', '/api/course/courses/{id}/dashboard', { params: { id }, fetch: f }),
  myDashboard: (f?: Fetch) => call('get', '/api/course/courses/my/dashboard', { fetch: f }),
  postReview: (body: { course_id: string; rating: number; comment: string }) =>
    call('post', '/api/course/reviews', { body }),
  editReview: (id: string, body: { rating?: number; comment?: string }) =>
    call('put', '/api/course/reviews/{id}', { params: { id }, body }),
};

// ---------------------------------------------------------------- payment

export const payments = {
  mine: (query: PageQuery = { limit: 100 }) => call('get', '/api/payment/payments/me', { query }),
  /** Retried with the same `idempotencyKey`, the server answers with the same payment. */
  pay: (courseId: string, amount: string, idempotencyKey: string) =>
    call('post', '/api/payment/payments', {
      body: { course_id: courseId, amount },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
};

// ---------------------------------------------------------------- enrollment

export const enrollment = {
  enroll: (courseId: string, paymentId?: string) =>
    call('post', '/api/enrollment/enrollments', {
      body: paymentId ? { course_id: courseId, payment_id: paymentId } : { course_id: courseId },
    }),
  mine: (f?: Fetch, query: PageQuery = { limit: 100 }) =>
    call('get', '/api/enrollment/enrollments/me', { fetch: f, query }),
  /** 403 when the student is not enrolled in the course. */
  progress: (courseId: string, f?: Fetch) =>
    call('get', '/api/enrollment/progress/courses/{id}', { params: { id: courseId }, fetch: f }),
  completeLesson: (lessonId: string, courseId?: string) =>
    call('post', '/api/enrollment/progress/lessons/{lesson_id}/complete', {
      params: { lesson_id: lessonId },
      body: courseId ? { course_id: courseId } : {},
    }),
  certificate: (id: string, f?: Fetch) =>
    call('get', '/api/enrollment/certificates/{id}', { params: { id }, fetch: f, auth: false }),
};

// ---------------------------------------------------------------- notification

export const notifications = {
  mine: (query: QueryOf<Operation<'/api/notification/notifications/me', 'get'>> = { limit: 20 }, f?: Fetch) =>
    call('get', '/api/notification/notifications/me', { fetch: f, query }),
  markRead: (id: string) => call('patch', '/api/notification/notifications/{id}/read', { params: { id } }),
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
