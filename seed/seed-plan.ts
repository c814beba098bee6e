/**
 * The shape of the seeded dataset, decided up front in compact typed arrays: who teaches what, which student is
 * enrolled where, which enrollments are paid, how far each has progressed, which get a review. The row generators
 * (seed-rows.ts) turn it into COPY text table by table; keeping the plan small and separate lets the tables load
 * concurrently while staying consistent with one another and deterministic for a given seed.
 */
import { courseTitle, randomInt, SUBJECTS, type Rng } from './course-text.ts';
import { stream } from './seed-ids.ts';

/** The specification's dataset at scale 1. */
export const FULL_COUNTS = {
  users: 50_000,
  teachers: 10_000,
  verifiedTeachers: 7_000,
  courses: 100_000,
  enrollments: 200_000,
  payments: 50_000,
  reviews: 100_000,
} as const;

export type Counts = { -readonly [K in keyof typeof FULL_COUNTS]: number };

/** The fixed "now" of the dataset: every timestamp lies before it, so a seed gives the same rows on any day. */
export const ANCHOR_MS = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

export const FREE_SHARE = 0.3;
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export function scaledCounts(scale: number): Counts {
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const users = at(FULL_COUNTS.users, 6);
  const teachers = Math.min(users - 2, at(FULL_COUNTS.teachers, 2));
  const verifiedTeachers = Math.min(teachers, at(FULL_COUNTS.verifiedTeachers, 1));
  const courses = at(FULL_COUNTS.courses, 4);
  const enrollments = at(FULL_COUNTS.enrollments, 2);
  const payments = Math.min(enrollments - 1, at(FULL_COUNTS.payments, 1));
  const reviews = Math.min(enrollments, at(FULL_COUNTS.reviews, 1));
  return { users, teachers, verifiedTeachers, courses, enrollments, payments, reviews };
}

/** Index of the student (not user) `s` as a user index. */
export const studentUser = (counts: Counts, s: number) => counts.teachers + s;

export interface Plan {
  seed: number;
  counts: Counts;
  students: number;
  /** users[0 .. users) then the admin at index `users`. */
  userCreated: Float64Array;

  courseTeacher: Int32Array;
  courseCreated: Float64Array;
  courseFree: Uint8Array;
  coursePriceCents: Int32Array;
  courseLevel: Uint8Array;
  courseSubject: Uint8Array;
  courseTitle: string[];
  courseDuration: Int32Array;
  /** Modules of course c: [courseModuleStart[c], courseModuleStart[c + 1]). */
  courseModuleStart: Int32Array;
  /** Lessons of module m: [moduleLessonStart[m], moduleLessonStart[m + 1]); lessons are numbered in curriculum order. */
  moduleLessonStart: Int32Array;
  lessonDuration: Uint8Array;
  modules: number;
  lessons: number;

  /** Enrollments ordered by student. */
  enrollmentStudent: Int32Array;
  enrollmentCourse: Int32Array;
  /** Payment index, or -1 for a free course. */
  enrollmentPayment: Int32Array;
  enrollmentAt: Float64Array;
  /** Lessons completed, in curriculum order: 0 (enrolled), some (in progress) or all (completed). */
  enrollmentDone: Int32Array;
  /** Payment p paid for enrollment paymentEnrollment[p]. */
  paymentEnrollment: Int32Array;
  /** Enrollments that leave a review, ascending. */
  reviewEnrollment: Int32Array;
  completions: number;
}

const courseLessonCount = (plan: Plan, c: number) =>
  plan.moduleLessonStart[plan.courseModuleStart[c + 1]] - plan.moduleLessonStart[plan.courseModuleStart[c]];

export const firstLesson = (plan: Plan, c: number) => plan.moduleLessonStart[plan.courseModuleStart[c]];
export const lessonCount = courseLessonCount;

/** `count` ones among `length` flags, at random positions. */
function chooseExactly(rng: Rng, length: number, count: number): Uint8Array {
  const flags = new Uint8Array(length);
  flags.fill(1, 0, count);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = flags[i];
    flags[i] = flags[j];
    flags[j] = t;
  }
  return flags;
}

const subjectIndex = new Map(SUBJECTS.map((subject, i) => [subject, i]));

export function makePlan(seed: number, counts: Counts): Plan {
  const students = counts.users - counts.teachers;

  // Users: teachers joined in the first year of the three, students any time.
  const users = stream(seed, 'plan:users');
  const userCreated = new Float64Array(counts.users + 1);
  for (let i = 0; i < counts.users; i++) {
    userCreated[i] =
      i < counts.teachers
        ? ANCHOR_MS - 3 * YEAR + Math.floor(users() * YEAR)
        : ANCHOR_MS - 30 * DAY - Math.floor(users() * 3 * YEAR);
  }
  userCreated[counts.users] = ANCHOR_MS - 3 * YEAR - 30 * DAY; // the admin came first

  // Courses and their curriculum shape.
  const n = counts.courses;
  const rng = stream(seed, 'plan:courses');
  const titles = stream(seed, 'plan:titles');
  const courseFree = chooseExactly(rng, n, Math.round(n * FREE_SHARE));
  const courseTeacher = new Int32Array(n);
  const courseCreated = new Float64Array(n);
  const coursePriceCents = new Int32Array(n);
  const courseLevel = new Uint8Array(n);
  const courseSubject = new Uint8Array(n);
  const courseTitles: string[] = new Array<string>(n);
  const courseDuration = new Int32Array(n);
  const courseModuleStart = new Int32Array(n + 1);
  const moduleCounts = new Uint8Array(n);
  let modules = 0;
  for (let c = 0; c < n; c++) {
    const teacher = Math.floor(rng() * counts.verifiedTeachers);
    courseTeacher[c] = teacher;
    const since = userCreated[teacher] + DAY;
    courseCreated[c] = since + Math.floor(rng() * (ANCHOR_MS - 60 * DAY - since));
    // 9.99 … 199.99, cheaper prices more common.
    coursePriceCents[c] = courseFree[c] ? 0 : (9 + Math.floor(191 * rng() ** 1.6)) * 100 + 99;
    const level = rng();
    courseLevel[c] = level < 0.45 ? 0 : level < 0.8 ? 1 : 2;
    const { title, subject } = courseTitle(titles, c);
    courseTitles[c] = title;
    courseSubject[c] = subjectIndex.get(subject) ?? 0;
    moduleCounts[c] = randomInt(rng, 3, 5);
    courseModuleStart[c] = modules;
    modules += moduleCounts[c];
  }
  courseModuleStart[n] = modules;

  const moduleLessonStart = new Int32Array(modules + 1);
  let lessons = 0;
  for (let m = 0; m < modules; m++) {
    moduleLessonStart[m] = lessons;
    lessons += randomInt(rng, 5, 10);
  }
  moduleLessonStart[modules] = lessons;
  const lessonDuration = new Uint8Array(lessons);
  for (let l = 0; l < lessons; l++) lessonDuration[l] = randomInt(rng, 3, 20);
  for (let c = 0; c < n; c++) {
    let total = 0;
    for (let l = moduleLessonStart[courseModuleStart[c]]; l < moduleLessonStart[courseModuleStart[c + 1]]; l++)
      total += lessonDuration[l];
    courseDuration[c] = total;
  }

  const plan: Plan = {
    seed,
    counts,
    students,
    userCreated,
    courseTeacher,
    courseCreated,
    courseFree,
    coursePriceCents,
    courseLevel,
    courseSubject,
    courseTitle: courseTitles,
    courseDuration,
    courseModuleStart,
    moduleLessonStart,
    lessonDuration,
    modules,
    lessons,
    enrollmentStudent: new Int32Array(0),
    enrollmentCourse: new Int32Array(0),
    enrollmentPayment: new Int32Array(0),
    enrollmentAt: new Float64Array(0),
    enrollmentDone: new Int32Array(0),
    paymentEnrollment: new Int32Array(0),
    reviewEnrollment: new Int32Array(0),
    completions: 0,
  };
  planEnrollments(plan);
  return plan;
}

/**
 * Enrollments: every student takes a few courses (1–9, about 5 on average), no course twice; exactly `payments` of
 * them are in paid courses (each with its own completed payment), the rest in free ones. Popular courses get more
 * students. Progress: ~12 % completed, ~45 % part-way (early lessons more likely), the rest not started.
 */
function planEnrollments(plan: Plan): void {
  const { counts, students } = plan;
  const E = counts.enrollments;
  const rng = stream(plan.seed, 'plan:enrollments');

  const perStudent = new Int32Array(students);
  let total = 0;
  for (let s = 0; s < students; s++) total += perStudent[s] = randomInt(rng, 1, 9);
  const cap = Math.max(1, Math.min(25, Math.ceil(E / students) * 4));
  const floor = E >= students ? 1 : 0;
  while (total > E) {
    const s = Math.floor(rng() * students);
    if (perStudent[s] > floor) {
      perStudent[s]--;
      total--;
    }
  }
  while (total < E) {
    const s = Math.floor(rng() * students);
    if (perStudent[s] < cap) {
      perStudent[s]++;
      total++;
    }
  }

  const paid = chooseExactly(rng, E, counts.payments);
  const freePool: number[] = [];
  const paidPool: number[] = [];
  for (let c = 0; c < counts.courses; c++) (plan.courseFree[c] ? freePool : paidPool).push(c);

  const enrollmentStudent = new Int32Array(E);
  const enrollmentCourse = new Int32Array(E);
  const enrollmentPayment = new Int32Array(E).fill(-1);
  const enrollmentAt = new Float64Array(E);
  const enrollmentDone = new Int32Array(E);
  const paymentEnrollment = new Int32Array(counts.payments);
  let e = 0;
  let p = 0;
  let completions = 0;
  const taken = new Set<number>();
  for (let s = 0; s < students; s++) {
    taken.clear();
    const user = studentUser(counts, s);
    for (let k = 0; k < perStudent[s]; k++, e++) {
      let isPaid = paid[e] === 1;
      let pool = isPaid ? paidPool : freePool;
      if (pool.length === 0) {
        isPaid = !isPaid;
        pool = isPaid ? paidPool : freePool;
      }
      let course = pool[Math.floor(pool.length * rng() ** 2)];
      for (let attempt = 0; taken.has(course) && attempt < 20; attempt++)
        course = pool[Math.floor(pool.length * rng() ** 2)];
      for (let i = Math.floor(rng() * pool.length), scanned = 0; taken.has(course); i++, scanned++) {
        if (scanned > pool.length) throw new Error('seed: a student ran out of distinct courses; raise the scale');
        course = pool[i % pool.length];
      }
      taken.add(course);
      enrollmentStudent[e] = s;
      enrollmentCourse[e] = course;
      if (isPaid) {
        enrollmentPayment[e] = p;
        paymentEnrollment[p++] = e;
      }
      const since = Math.max(plan.userCreated[user], plan.courseCreated[course]) + HOUR;
      enrollmentAt[e] = since + Math.floor(rng() * Math.max(0, ANCHOR_MS - DAY - since));
      const lessons = courseLessonCount(plan, course);
      const progress = rng();
      enrollmentDone[e] = progress < 0.12 ? lessons : progress < 0.57 ? 1 + Math.floor((lessons - 1) * rng() ** 2) : 0;
      completions += enrollmentDone[e];
    }
  }
  if (p !== counts.payments) throw new Error(`seed: planned ${p} payments instead of ${counts.payments}`);

  // Reviews: a random subset of the enrollments, one per student and course.
  const order = new Int32Array(E);
  for (let i = 0; i < E; i++) order[i] = i;
  for (let i = 0; i < counts.reviews; i++) {
    const j = i + Math.floor(rng() * (E - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const reviewEnrollment = order.slice(0, counts.reviews).sort();

  Object.assign(plan, {
    enrollmentStudent,
    enrollmentCourse,
    enrollmentPayment,
    enrollmentAt,
    enrollmentDone,
    paymentEnrollment,
    reviewEnrollment,
    completions,
  });
}

export const levelName = (plan: Plan, c: number) => LEVELS[plan.courseLevel[c]];
export const price = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
