/**
 * COPY text rows for every seeded table, generated from the plan (seed-plan.ts). Each table draws from its own
 * random stream, so tables can be generated in any order or concurrently and still come out the same.
 */
import { courseDescription, pick, randomInt, SUBJECTS, type Rng, type Subject, personName } from './course-text.ts';
import { seedId, Space, stream } from './seed-ids.ts';
import { ANCHOR_MS, levelName, price, studentUser, type Plan } from './seed-plan.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** COPY text format: backslash, tab, newline and carriage return are escaped; NULL is \N. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export const esc = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
const NULL = '\\N';
const iso = (ms: number) => new Date(ms).toISOString();
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const SEED_PASSWORD = 'password123';
export const ADMIN_EMAIL = 'admin@eduplatform.com';

export interface TableRows {
  /** `schema.table (columns)` as COPY expects it. */
  target: string;
  rows: number;
  generate(): Generator<string>;
}

export function usersTable(plan: Plan, passwordHash: string): TableRows {
  const { counts, seed } = plan;
  return {
    target: 'identity.users (id, email, password_hash, name, role, is_verified, created_at, version)',
    rows: counts.users + 1,
    *generate() {
      const rng = stream(seed, 'rows:users');
      const hash = esc(passwordHash);
      for (let i = 0; i < counts.users; i++) {
        const teacher = i < counts.teachers;
        const verified = !teacher || i < counts.verifiedTeachers;
        yield `${seedId(seed, Space.user, i)}\tuser${i}@example.com\t${hash}\t${esc(personName(rng))}\t${
          teacher ? 'teacher' : 'student'
        }\t${verified ? 't' : 'f'}\t${iso(plan.userCreated[i])}\t1\n`;
      }
      yield `${seedId(seed, Space.user, counts.users)}\t${ADMIN_EMAIL}\t${hash}\tAdministrator\tadmin\tt\t${iso(
        plan.userCreated[counts.users],
      )}\t1\n`;
    },
  };
}

export function coursesTable(plan: Plan): TableRows {
  const { seed } = plan;
  return {
    target:
      'course.courses (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, updated_at, version, status)',
    rows: plan.counts.courses,
    *generate() {
      const rng = stream(seed, 'rows:course-descriptions');
      for (let c = 0; c < plan.counts.courses; c++) {
        const created = iso(plan.courseCreated[c]);
        const description = courseDescription(rng, SUBJECTS[plan.courseSubject[c]]);
        yield `${seedId(seed, Space.course, c)}\t${seedId(seed, Space.user, plan.courseTeacher[c])}\t${esc(
          plan.courseTitle[c],
        )}\t${esc(description)}\t${plan.courseFree[c] ? 't' : 'f'}\t${price(plan.coursePriceCents[c])}\t${
          plan.courseDuration[c]
        }\t${levelName(plan, c)}\t${created}\t${created}\t1\tpublished\n`;
      }
    },
  };
}

const MIDDLE_MODULES: readonly ((rng: Rng, s: Subject) => string)[] = [
  (rng, s) => cap(pick(rng, s.topics)),
  (rng, s) => `${cap(pick(rng, s.topics))} in Practice`,
  (rng, s) => `Working with ${pick(rng, s.tools)}`,
  (rng, s) => `Going Deeper: ${cap(pick(rng, s.topics))}`,
  (rng, s) => `Core Concepts of ${s.name}`,
];

function moduleTitle(rng: Rng, s: Subject, position: number, last: boolean): string {
  if (position === 1) return pick(rng, [`Getting Started with ${s.name}`, 'Introduction', `${s.name} Basics`]);
  if (last) return pick(rng, ['Final Project', `Putting ${s.name} to Work`, 'Wrap-Up and Next Steps']);
  return pick(rng, MIDDLE_MODULES)(rng, s);
}

export function modulesTable(plan: Plan): TableRows {
  const { seed } = plan;
  return {
    target: 'course.modules (id, course_id, title, position, created_at)',
    rows: plan.modules,
    *generate() {
      const rng = stream(seed, 'rows:modules');
      for (let c = 0; c < plan.counts.courses; c++) {
        const subject = SUBJECTS[plan.courseSubject[c]];
        const course = seedId(seed, Space.course, c);
        const first = plan.courseModuleStart[c];
        const last = plan.courseModuleStart[c + 1] - 1;
        for (let m = first; m <= last; m++) {
          const position = m - first + 1;
          yield `${seedId(seed, Space.module, m)}\t${course}\t${esc(moduleTitle(rng, subject, position, m === last))}\t${position}\t${iso(
            plan.courseCreated[c] + position * MINUTE,
          )}\n`;
        }
      }
    },
  };
}

const LESSON_TITLES: readonly ((t: string, x: string, s: Subject) => string)[] = [
  (t) => `Introduction to ${t}`,
  (t) => `${cap(t)} Step by Step`,
  (t, x) => `Hands-On: ${cap(t)} with ${x}`,
  (t) => `Common Mistakes with ${t}`,
  (t) => `Quiz: ${cap(t)}`,
  (t) => `Exercise: Applying ${t}`,
  (t) => `A Closer Look at ${t}`,
  (_t, x) => `${x} Essentials`,
  (t, _x, s) => `${cap(t)} in ${s.name}`,
  (t) => `Case Study: ${cap(t)}`,
];

const LESSON_POINTS = [
  'why it matters in real projects',
  'the vocabulary you will meet in documentation',
  'a minimal working example',
  'how to test what you build',
  'trade-offs and when to choose another approach',
  'the mistakes beginners make most often',
  'how experienced engineers reason about it',
  'a checklist to review your own work',
];

const LESSON_TIPS = [
  'pause the video and try each step yourself before moving on.',
  'keep your notes from this lesson; the final project builds on them.',
  'if something fails, read the error message twice before searching for it.',
  'small, frequent practice beats one long session.',
  'explain the idea to someone else: it shows what you have not understood yet.',
];

/** A short markdown lesson (~250 characters): a heading, a paragraph, a list, and a code block or a tip. */
function lessonContent(rng: Rng, title: string, topic: string, tool: string, s: Subject): string {
  const extra = rng();
  const tail =
    extra < 0.35
      ? `\n\n\`\`\`\n# ${topic}: try it in ${tool}\n\`\`\``
      : extra < 0.7
        ? `\n\n> Tip: ${pick(rng, LESSON_TIPS)}`
        : '';
  return `## ${title}\n\nWe look at ${topic} in ${s.name}: ${pick(rng, LESSON_POINTS)}.\n\n- Practice with **${tool}**\n- Then: ${pick(rng, LESSON_POINTS)}${tail}\n`;
}

export function lessonsTable(plan: Plan): TableRows {
  const { seed } = plan;
  return {
    target:
      'course.lessons (id, module_id, course_id, title, content, video_url, duration_minutes, position, is_preview, created_at)',
    rows: plan.lessons,
    *generate() {
      const rng = stream(seed, 'rows:lessons');
      for (let c = 0; c < plan.counts.courses; c++) {
        const subject = SUBJECTS[plan.courseSubject[c]];
        const course = seedId(seed, Space.course, c);
        const firstModule = plan.courseModuleStart[c];
        for (let m = firstModule; m < plan.courseModuleStart[c + 1]; m++) {
          const module = seedId(seed, Space.module, m);
          const created = plan.courseCreated[c] + (m - firstModule + 1) * MINUTE;
          const first = plan.moduleLessonStart[m];
          for (let l = first; l < plan.moduleLessonStart[m + 1]; l++) {
            const position = l - first + 1;
            const topic = pick(rng, subject.topics);
            const tool = pick(rng, subject.tools);
            const title = pick(rng, LESSON_TITLES)(topic, tool, subject);
            const video = rng() < 0.35 ? `https://videos.eduplatform.example/lessons/${l}.mp4` : NULL;
            yield `${seedId(seed, Space.lesson, l)}\t${module}\t${course}\t${esc(title)}\t${esc(
              lessonContent(rng, title, topic, tool, subject),
            )}\t${video}\t${plan.lessonDuration[l]}\t${position}\t${m === firstModule && position === 1 ? 't' : 'f'}\t${iso(
              created + position * 1000,
            )}\n`;
          }
        }
      }
    },
  };
}

/** When the k-th of `done` completed lessons (0-based) was completed: spread over up to 60 days after enrolling. */
function completionTime(plan: Plan, e: number, k: number, done: number): number {
  const enrolled = plan.enrollmentAt[e];
  const span = Math.min(ANCHOR_MS - MINUTE - enrolled, 60 * DAY);
  return enrolled + MINUTE + Math.floor((span * (k + 1)) / (done + 1));
}

export function enrollmentsTable(plan: Plan): TableRows {
  const { seed, counts } = plan;
  return {
    target:
      'enrollment.enrollments (id, student_id, course_id, payment_id, status, enrolled_at, completed_at, certificate_id, version)',
    rows: counts.enrollments,
    *generate() {
      for (let e = 0; e < counts.enrollments; e++) {
        const c = plan.enrollmentCourse[e];
        const done = plan.enrollmentDone[e];
        const total =
          plan.moduleLessonStart[plan.courseModuleStart[c + 1]] - plan.moduleLessonStart[plan.courseModuleStart[c]];
        const payment = plan.enrollmentPayment[e];
        const completed = done === total;
        const status = completed ? 'completed' : done > 0 ? 'in_progress' : 'enrolled';
        yield `${seedId(seed, Space.enrollment, e)}\t${seedId(seed, Space.user, studentUser(counts, plan.enrollmentStudent[e]))}\t${seedId(
          seed,
          Space.course,
          c,
        )}\t${payment >= 0 ? seedId(seed, Space.payment, payment) : NULL}\t${status}\t${iso(plan.enrollmentAt[e])}\t${
          completed ? iso(completionTime(plan, e, done - 1, done)) : NULL
        }\t${completed ? seedId(seed, Space.certificate, e) : NULL}\t1\n`;
      }
    },
  };
}

export function completionsTable(plan: Plan): TableRows {
  const { seed, counts } = plan;
  return {
    target: 'enrollment.lesson_completions (id, enrollment_id, lesson_id, completed_at)',
    rows: plan.completions,
    *generate() {
      let id = 0;
      for (let e = 0; e < counts.enrollments; e++) {
        const done = plan.enrollmentDone[e];
        if (done === 0) continue;
        const enrollment = seedId(seed, Space.enrollment, e);
        const first = plan.moduleLessonStart[plan.courseModuleStart[plan.enrollmentCourse[e]]];
        for (let k = 0; k < done; k++)
          yield `${seedId(seed, Space.completion, id++)}\t${enrollment}\t${seedId(seed, Space.lesson, first + k)}\t${iso(
            completionTime(plan, e, k, done),
          )}\n`;
      }
    },
  };
}

export function paymentsTable(plan: Plan): TableRows {
  const { seed, counts } = plan;
  return {
    target: 'payment.payments (id, student_id, course_id, amount, status, idempotency_key, created_at, version)',
    rows: counts.payments,
    *generate() {
      for (let p = 0; p < counts.payments; p++) {
        const e = plan.paymentEnrollment[p];
        const c = plan.enrollmentCourse[e];
        yield `${seedId(seed, Space.payment, p)}\t${seedId(seed, Space.user, studentUser(counts, plan.enrollmentStudent[e]))}\t${seedId(
          seed,
          Space.course,
          c,
        )}\t${price(plan.coursePriceCents[c])}\tcompleted\t${NULL}\t${iso(plan.enrollmentAt[e] - 30_000)}\t1\n`;
      }
    },
  };
}

/** Ratings skew positive: 5 ★ 45 %, 4 ★ 30 %, 3 ★ 13 %, 2 ★ 7 %, 1 ★ 5 %. */
function rating(rng: Rng): number {
  const r = rng();
  return r < 0.45 ? 5 : r < 0.75 ? 4 : r < 0.88 ? 3 : r < 0.95 ? 2 : 1;
}

const COMMENTS: Record<number, readonly ((t: string, s: Subject) => string)[]> = {
  5: [
    (t, s) => `Excellent course! The lessons on ${t} finally made ${s.name} click for me.`,
    (t) => `Clear, practical and well paced. The section on ${t} alone was worth it.`,
    (_t, s) => `The best ${s.name} course I have taken. Highly recommended.`,
    (t) => `Great exercises, and the explanation of ${t} is the clearest I have seen.`,
  ],
  4: [
    (t) => `Very good overall; I would have liked a few more exercises on ${t}.`,
    (_t, s) => `Solid introduction to ${s.name}. Some videos could be shorter.`,
    (t) => `Well structured. The part about ${t} was a bit fast but the notes helped.`,
  ],
  3: [
    (t) => `Decent content, but the ${t} lessons need more examples.`,
    (_t, s) => `Okay as a refresher on ${s.name}; not much new for me.`,
  ],
  2: [
    (t) => `The material on ${t} felt outdated and the pace was uneven.`,
    () => `Too much theory and not enough practice for my taste.`,
  ],
  1: [() => `Not what the description promised.`, (t) => `Hard to follow; ${t} was barely covered.`],
};

export function reviewsTable(plan: Plan): TableRows {
  const { seed, counts } = plan;
  return {
    target: 'course.reviews (id, student_id, course_id, rating, comment, created_at, updated_at, version)',
    rows: counts.reviews,
    *generate() {
      const rng = stream(seed, 'rows:reviews');
      for (let r = 0; r < counts.reviews; r++) {
        const e = plan.reviewEnrollment[r];
        const c = plan.enrollmentCourse[e];
        const subject = SUBJECTS[plan.courseSubject[c]];
        const stars = rating(rng);
        const comment = pick(rng, COMMENTS[stars])(pick(rng, subject.topics), subject);
        const enrolled = plan.enrollmentAt[e];
        const at = iso(
          enrolled + randomInt(rng, 1, Math.max(1, Math.floor((ANCHOR_MS - enrolled) / MINUTE) - 1)) * MINUTE,
        );
        yield `${seedId(seed, Space.review, r)}\t${seedId(seed, Space.user, studentUser(counts, plan.enrollmentStudent[e]))}\t${seedId(
          seed,
          Space.course,
          c,
        )}\t${stars}\t${esc(comment)}\t${at}\t${at}\t1\n`;
      }
    },
  };
}
