import { randomUUID } from 'node:crypto';
import { unlessBusy } from './busy-retry.js';
import type { HttpClient } from './http-client.js';

let counter = 0;

/** Scenario helpers speaking the public API, as a real client would. */
export class Actors {
  constructor(
    private readonly http: HttpClient,
    private readonly adminPassword = 'password123',
  ) {}

  async register(
    role: 'student' | 'teacher',
    name = `${role} ${++counter}`,
  ): Promise<{ token: string; id: string; email: string }> {
    const email = `${role}-${randomUUID()}@example.com`;
    // A busy api (e.g. sign-ins beyond what the machine can hash now) answers 503 + Retry-After: send again.
    const registered = await unlessBusy(() =>
      this.http.post('/api/identity/register', { email, password: 'correct horse battery', name, role }),
    );
    if (registered.status !== 200)
      throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
    const me = await this.http.get('/api/identity/me', registered.body.access_token);
    return { token: registered.body.access_token, id: me.body.id, email };
  }

  async admin(): Promise<string> {
    const login = await unlessBusy(() =>
      this.http.post('/api/identity/login', { email: 'admin@eduplatform.com', password: this.adminPassword }),
    );
    if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
    return login.body.access_token;
  }

  /** A teacher verified by the admin, with a token that carries the verification. */
  async verifiedTeacher(name?: string): Promise<{ token: string; id: string; email: string }> {
    const teacher = await this.register('teacher', name);
    const verified = await this.http.patch(`/api/identity/admin/users/${teacher.id}/verify`, {}, await this.admin());
    if (verified.status !== 200) throw new Error(`verify failed: ${verified.status}`);
    const refreshed = await this.http.post('/api/identity/token/refresh', {}, teacher.token);
    return { ...teacher, token: refreshed.body.access_token };
  }

  /**
   * A course of the teacher's. Published by default, with an empty curriculum: publishing needs a lesson, so
   * a scaffolding module is added for it and removed again. `{ draft: true }` leaves it an unpublished draft.
   */
  async course(teacherToken: string, overrides: Record<string, unknown> = {}, { draft = false } = {}): Promise<any> {
    const created = await this.http.post(
      '/api/course/courses',
      {
        title: 'Practical Python',
        description: 'Learn Python by building things.',
        is_free: true,
        duration_minutes: 120,
        level: 'beginner',
        ...overrides,
      },
      teacherToken,
    );
    if (created.status !== 201)
      throw new Error(`create course failed: ${created.status} ${JSON.stringify(created.body)}`);
    if (draft) return created.body;
    const id = created.body.id as string;
    const scaffold = await this.http.post(`/api/course/courses/${id}/modules`, { title: 'Scaffold' }, teacherToken);
    await this.http.post(`/api/course/modules/${scaffold.body.id}/lessons`, { title: 'L', content: '' }, teacherToken);
    const published = await this.http.post(`/api/course/courses/${id}/publish`, {}, teacherToken);
    if (published.status !== 200)
      throw new Error(`publish course failed: ${published.status} ${JSON.stringify(published.body)}`);
    await this.http.delete(`/api/course/modules/${scaffold.body.id}`, teacherToken);
    return published.body;
  }
}
