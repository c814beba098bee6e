import { randomUUID } from 'node:crypto';
import { HttpClient, type HttpResult } from '../../support/http-client.js';
import { Actors } from '../../support/actors.js';

/** A course the students of the load work through; built and projected before the load starts. */
export interface LoadCourse {
  id: string;
  price: string | null;
  lessonIds: string[];
}

/** Every command the api acknowledged (2xx): the promise is that each one reaches every read model. */
export interface Ledger {
  users: string[];
  payments: string[];
  enrollments: { id: string; studentId: string; courseId: string }[];
  completions: { studentId: string; courseId: string; lessonId: string }[];
  reviews: { id: string; courseId: string }[];
  courses: string[];
  lessons: string[];
}

/** How the api answered during the run: any 5xx but 503, a hang or a refused connection breaks the promise. */
export interface ResponseStats {
  requests: number;
  byStatus: Record<number, number>;
  /** 5xx other than 503 */
  serverErrors: number;
  /** answered after more than HANG_MS */
  hung: number;
  /** no answer at all (connection refused or reset) */
  unreachable: number;
  slowestMs: number;
  /** 403 on a review right after enrolling: a read model lag turned into a refusal */
  refusedReviews: number;
}

const HANG_MS = 10_000;
const ok = (r: HttpResult): boolean => r.status >= 200 && r.status < 300;
/** What a command got when no api answered at all. */
const NO_ANSWER: HttpResult = { status: 0, body: undefined, headers: new Headers() };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tokenSubject = (token: string): string =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

export function ledgerSize(ledger: Ledger): number {
  return Object.values(ledger).reduce((n, list: unknown[]) => n + list.length, 0);
}

/**
 * A steady write load through the public API: `students` students at once register, pay, enroll, complete
 * lessons and review, and one verified teacher keeps creating courses with lessons. Commands that fail for a
 * transient reason (503, no connection) are retried while the load runs; a 409 after such a retry means the
 * earlier attempt committed unacknowledged, which the ledger does not count (the write side still has it).
 */
export class WriteLoad {
  readonly ledger: Ledger = {
    users: [],
    payments: [],
    enrollments: [],
    completions: [],
    reviews: [],
    courses: [],
    lessons: [],
  };
  readonly stats: ResponseStats = {
    requests: 0,
    byStatus: {},
    serverErrors: 0,
    hung: 0,
    unreachable: 0,
    slowestMs: 0,
    refusedReviews: 0,
  };
  private running = false;
  private loops: Promise<void>[] = [];
  private lastAckAt = Date.now();

  constructor(
    private readonly http: HttpClient,
    private readonly courses: readonly LoadCourse[],
    private readonly teacherToken: string,
    /** 20 students, each pausing `thinkMs` between commands (a steady load the worker can follow on 2 cores). */
    private readonly options: { students?: number; thinkMs?: number } = {},
  ) {}

  private get thinkMs(): number {
    return this.options.thinkMs ?? 500;
  }

  start(): void {
    this.running = true;
    this.loops = [...Array.from({ length: this.options.students ?? 20 }, () => this.studentLoop()), this.teacherLoop()];
  }

  /** Stops issuing commands and waits for those in flight; returns when the last acknowledgement came. */
  async stop(): Promise<number> {
    this.running = false;
    await Promise.all(this.loops);
    return this.lastAckAt;
  }

  get acknowledged(): number {
    return ledgerSize(this.ledger);
  }

  private async send(request: () => Promise<HttpResult>): Promise<HttpResult | undefined> {
    const started = Date.now();
    let result: HttpResult | undefined;
    try {
      result = await request();
    } catch {
      this.stats.unreachable += 1;
    }
    const elapsed = Date.now() - started;
    this.stats.requests += 1;
    this.stats.slowestMs = Math.max(this.stats.slowestMs, elapsed);
    if (elapsed > HANG_MS) this.stats.hung += 1;
    if (result) {
      this.stats.byStatus[result.status] = (this.stats.byStatus[result.status] ?? 0) + 1;
      if (result.status >= 500 && result.status !== 503) this.stats.serverErrors += 1;
      if (result.status < 300) this.lastAckAt = Date.now();
    }
    return result;
  }

  /**
   * Sends a command until it is answered for good: 2xx (acknowledged), 409 (done by an earlier, unacknowledged
   * attempt) or another 4xx. A 403 is retried only where the caller says a lagging read model may cause it.
   */
  private async command(request: () => Promise<HttpResult>, { retry403 = false } = {}): Promise<HttpResult> {
    for (let attempt = 0; ; attempt += 1) {
      const result = (await this.send(request)) ?? NO_ANSWER;
      if (ok(result) || result.status === 409) return result;
      const transient = result.status === 0 || result.status >= 500 || result.status === 429;
      const lagging = result.status === 403 && retry403 && attempt < 40;
      if ((!transient && !lagging) || !this.running) return result;
      await sleep(transient ? 300 : 250);
    }
  }

  private async studentLoop(): Promise<void> {
    while (this.running) {
      const email = `load-${randomUUID()}@example.com`;
      const registered = await this.command(() =>
        this.http.post('/api/identity/register', {
          email,
          password: 'correct horse battery',
          name: 'Load Student',
          role: 'student',
        }),
      );
      if (!ok(registered)) {
        await sleep(this.thinkMs);
        continue;
      }
      const token: string = registered.body.access_token;
      const studentId = tokenSubject(token);
      this.ledger.users.push(studentId);
      for (const course of [...this.courses].sort(() => Math.random() - 0.5)) {
        if (!this.running) return;
        await this.study(token, studentId, course);
      }
    }
  }

  private async study(token: string, studentId: string, course: LoadCourse): Promise<void> {
    let paymentId: string | undefined;
    if (course.price !== null) {
      const key = randomUUID();
      const paid = await this.command(() =>
        this.http.request('POST', '/api/payment/payments', {
          token,
          json: { course_id: course.id, amount: course.price },
          headers: { 'idempotency-key': key },
        }),
      );
      if (!ok(paid)) return; // a retry with the same key answers with the first payment
      paymentId = paid.body.id;
      this.ledger.payments.push(paid.body.id);
      await sleep(this.thinkMs);
    }
    const enrolled = await this.command(() =>
      this.http.post('/api/enrollment/enrollments', { course_id: course.id, payment_id: paymentId }, token),
    );
    if (ok(enrolled)) this.ledger.enrollments.push({ id: enrolled.body.id, studentId, courseId: course.id });
    else if (enrolled.status !== 409) return;
    // Between half the course and all of it: some enrollments complete, some stop at a milestone.
    const lessons = course.lessonIds.slice(
      0,
      Math.ceil(course.lessonIds.length / 2) + Math.floor(Math.random() * (course.lessonIds.length / 2 + 1)),
    );
    for (const lessonId of lessons) {
      if (!this.running) return;
      await sleep(this.thinkMs);
      const done = await this.command(() =>
        this.http.post(`/api/enrollment/progress/lessons/${lessonId}/complete`, {}, token),
      );
      if (ok(done)) this.ledger.completions.push({ studentId, courseId: course.id, lessonId });
    }
    if (Math.random() < 0.5 && this.running) {
      await sleep(this.thinkMs);
      const review = await this.command(
        () =>
          this.http.post(
            '/api/course/reviews',
            { course_id: course.id, rating: 1 + Math.floor(Math.random() * 5), comment: 'From the load' },
            token,
          ),
        { retry403: true },
      );
      if (ok(review)) this.ledger.reviews.push({ id: review.body.id, courseId: course.id });
      else if (review.status === 403) this.stats.refusedReviews += 1;
    }
  }

  /** The teacher keeps publishing small courses: course, module, two lessons. */
  private async teacherLoop(): Promise<void> {
    while (this.running) {
      await sleep(1_000);
      const course = await this.command(() =>
        this.http.post(
          '/api/course/courses',
          {
            title: `Load course ${randomUUID().slice(0, 8)}`,
            description: 'Created during the fault run.',
            is_free: true,
            duration_minutes: 30,
            level: 'beginner',
          },
          this.teacherToken,
        ),
      );
      if (!ok(course)) continue;
      this.ledger.courses.push(course.body.id);
      const module = await this.command(() =>
        this.http.post(`/api/course/courses/${course.body.id}/modules`, { title: 'M' }, this.teacherToken),
      );
      if (!ok(module)) continue;
      for (let i = 0; i < 2; i += 1) {
        const lesson = await this.command(() =>
          this.http.post(
            `/api/course/modules/${module.body.id}/lessons`,
            { title: `L${i}`, content: 'Text' },
            this.teacherToken,
          ),
        );
        if (ok(lesson)) this.ledger.lessons.push(lesson.body.id);
      }
    }
  }
}

/** A verified teacher and the courses the load studies (two free, one paid), with their lessons. */
export async function prepareCourses(http: HttpClient): Promise<{ teacherToken: string; courses: LoadCourse[] }> {
  const actors = new Actors(http);
  const teacher = await actors.verifiedTeacher('Fault Teacher');
  const specs = [
    { is_free: true, price: null, lessons: 6 },
    { is_free: true, price: null, lessons: 4 },
    { is_free: false, price: '19.99', lessons: 6 },
  ];
  const courses: LoadCourse[] = [];
  for (const spec of specs) {
    const course = await actors.course(teacher.token, {
      is_free: spec.is_free,
      ...(spec.price ? { price: spec.price } : {}),
    });
    const module = (await http.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token)).body;
    const lessonIds: string[] = [];
    for (let i = 0; i < spec.lessons; i += 1)
      lessonIds.push(
        (
          await http.post(
            `/api/course/modules/${module.id}/lessons`,
            { title: `Lesson ${i + 1}`, content: 'Text' },
            teacher.token,
          )
        ).body.id,
      );
    courses.push({ id: course.id, price: spec.price, lessonIds });
  }
  return { teacherToken: teacher.token, courses };
}
