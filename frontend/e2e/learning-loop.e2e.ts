/**
 * End-to-end: the whole student learning loop, in a real browser against a running platform.
 *
 * Setup goes through the HTTP API (admin verifies a fresh teacher, who builds a paid course with
 * three lessons); then, in the browser, a new student registers, finds the course in the catalog,
 * buys and enrolls, completes the lessons — seeing the course page's progress bar move live while a
 * second tab completes a lesson, and catch up by refetching after its socket reconnects when pushes
 * were lost — opens the certificate, reviews the course and reads the notifications.
 *
 * Plain TypeScript (erasable syntax only) so that Node runs it directly; see run.mjs.
 */
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { checkAccessibility } from './axe.ts';
import { assert, call, poll, TIMEOUT_MS, verifiedTeacher, type Json } from './support.ts';

export interface LoopOptions {
  baseUrl: string;
  browser: Browser;
  /** Where to save step screenshots (none when unset). */
  screenshotsDir?: string;
  adminEmail?: string;
  adminPassword?: string;
  log?: (message: string) => void;
}

export interface LoopResult {
  courseId: string;
  certificateId: string;
  studentEmail: string;
  teacherEmail: string;
  teacherPassword: string;
  studentPassword: string;
  steps: string[];
}

async function buildCourse(baseUrl: string, options: LoopOptions, tag: string) {
  const { teacher, teacherEmail, teacherPassword } = await verifiedTeacher(baseUrl, options, tag);

  const title = `E2E Learning Loop ${tag}`;
  const course = await call(baseUrl, 'POST', '/course/courses', teacher, {
    title,
    description: `A course made by the end-to-end test ${tag}: three short lessons.`,
    is_free: false,
    price: '19.99',
    duration_minutes: 30,
    level: 'beginner',
  });
  const courseId = course.id as string;
  const mod = await call(baseUrl, 'POST', `/course/courses/${courseId}/modules`, teacher, {
    title: 'Basics',
    order: 1,
  });
  const lessonIds: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const lesson = await call(baseUrl, 'POST', `/course/modules/${mod.id as string}/lessons`, teacher, {
      title: `Lesson ${i}: step ${i}`,
      content: `# Lesson ${i}\n\nThis is lesson **${i}** of the end-to-end course.`,
      duration_minutes: 10,
      order: i,
      is_preview: i === 1,
    });
    lessonIds.push(lesson.id as string);
  }
  await call(baseUrl, 'POST', `/course/courses/${courseId}/publish`, teacher);
  // Read models follow the commands: wait until the catalog and the curriculum show the course.
  await poll('the course in the catalog', async () => {
    const page = await call(baseUrl, 'GET', `/course/courses?q=${encodeURIComponent(title)}&limit=5`);
    return (page.items as Json[]).some((c) => c.id === courseId);
  });
  await poll('the curriculum with 3 lessons', async () => {
    const cur = await call(baseUrl, 'GET', `/course/courses/${courseId}/curriculum`);
    return cur.total_lessons === 3;
  });
  return { courseId, title, lessonIds, teacherEmail, teacherPassword };
}

// ---------------------------------------------------------------- browser helpers

async function progressValue(page: Page): Promise<number> {
  const value = await page
    .locator('[data-testid="course-progress"] [role="progressbar"]')
    .getAttribute('aria-valuenow');
  return Number(value);
}

async function waitProgress(page: Page, what: string, predicate: (v: number) => boolean, timeoutMs = TIMEOUT_MS) {
  return poll(what, async () => predicate(await progressValue(page)), timeoutMs);
}

// ---------------------------------------------------------------- the loop

export async function runLearningLoop(options: LoopOptions): Promise<LoopResult> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const log = options.log ?? ((m: string) => console.log(m));
  const steps: string[] = [];
  const step = (m: string) => {
    steps.push(m);
    log(`✓ ${m}`);
  };
  let shot = 0;
  const screenshot = async (page: Page, name: string) => {
    if (!options.screenshotsDir) return;
    shot += 1;
    await page.screenshot({
      path: `${options.screenshotsDir}/${String(shot).padStart(2, '0')}-${name}.png`,
      fullPage: true,
    });
  };

  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const course = await buildCourse(baseUrl, options, tag);
  step(`teacher ${course.teacherEmail} built "${course.title}" (3 lessons, $19.99)`);

  const context: BrowserContext = await options.browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  // Every live socket of the test passes through here, so that a step can drop pushes and cut connections.
  let dropPushes = false;
  const sockets: WebSocketRoute[] = [];
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    sockets.push(ws);
    server.onMessage((message) => {
      if (!dropPushes) ws.send(message);
    });
  });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));

    // Register as a student.
    const studentEmail = `e2e-student-${tag}@example.com`;
    const studentPassword = 'learn-pass-123';
    const studentName = `E2E Student ${tag}`;
    await page.goto('/register');
    await page.getByLabel('Name').fill(studentName);
    await page.getByLabel('Email').fill(studentEmail);
    await page.getByLabel('Password').fill(studentPassword);
    await page.getByLabel('Learn (student)').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('link', { name: 'My learning' }).waitFor();
    step(`registered ${studentEmail} in the browser`);

    // Find the course in the catalog.
    await page.getByLabel('Search', { exact: true }).fill(course.title);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const card = page.getByRole('link', { name: course.title });
    await card.waitFor();
    await screenshot(page, 'catalog-search');
    await card.click();
    await page.waitForURL(`**/courses/${course.courseId}`);
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    step('found the course in the catalog and opened it');

    // Buy and enroll.
    const enroll = page.getByTestId('enroll');
    await enroll.waitFor();
    const label = (await enroll.textContent())?.trim() ?? '';
    assert(/Buy for \$19\.99/.test(label), `the enroll button says "${label}", expected "Buy for $19.99"`);
    await screenshot(page, 'course-before-enroll');
    await checkAccessibility(page, 'course page, signed in', errors);
    await enroll.click();
    await page.getByTestId('confirm-pay').click();
    await page.getByTestId('enrolled').waitFor();
    await waitProgress(page, 'progress 0%', (v) => v === 0);
    step('paid and enrolled: the progress bar shows 0%');
    await screenshot(page, 'course-enrolled');

    // The page is not reloaded from here on: a marker on window proves it.
    await page.evaluate(() => {
      (window as unknown as { __e2eMarker: string }).__e2eMarker = 'course-page';
    });

    // A second tab completes lesson 1; the course page's bar must move by itself (live push).
    const tab = await context.newPage();
    tab.on('pageerror', (e) => errors.push(`pageerror (tab 2): ${e.message}`));
    await tab.goto(`/lessons/${course.lessonIds[0]}`);
    await tab.getByTestId('complete').click();
    await tab.getByTestId('lesson-done').waitFor();
    const tabValue = Number(
      await tab.locator('[data-testid="lesson-progress"] [role="progressbar"]').getAttribute('aria-valuenow'),
    );
    assert(tabValue === 33, `the lesson page shows ${tabValue}% after lesson 1, expected 33%`);
    await screenshot(tab, 'lesson-1-completed');
    await checkAccessibility(tab, 'lesson page, completed', errors);
    await waitProgress(page, 'the course page to show 33% without a reload (live progress.updated)', (v) => v === 33);
    const marker = await page.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker);
    assert(marker === 'course-page', 'the course page was reloaded instead of updated live');
    await poll('the check mark of lesson 1', async () => (await page.locator('li.done').count()) === 1);
    step('lesson 1 completed in a second tab: the course page moved to 33% live, with a check mark');

    // Lost events: while the pushes are dropped, tab 2 goes to lesson 2 with "Next lesson" and completes it.
    // The course page misses the push; when its socket reconnects it must refetch and show 67%.
    dropPushes = true;
    await tab.getByTestId('next-lesson').click();
    await tab.waitForURL(`**/lessons/${course.lessonIds[1]}`);
    await tab.getByTestId('complete').click();
    await tab.getByTestId('lesson-done').waitFor();
    await new Promise((r) => setTimeout(r, 1500));
    assert((await progressValue(page)) === 33, 'the course page changed although its pushes were dropped');
    dropPushes = false;
    const dropped = sockets.splice(0);
    for (const ws of dropped) await ws.close();
    await waitProgress(page, 'the course page to refetch 67% after its socket reconnected', (v) => v === 67);
    await poll('the check mark of lesson 2', async () => (await page.locator('li.done').count()) === 2);
    step('pushes lost while disconnected: after the reconnection the course page refetched 67%');
    await tab.close();

    // Continue from the course page: lesson 3 is the last one.
    await page.getByTestId('continue').click();
    await page.waitForURL(`**/lessons/${course.lessonIds[2]}`);
    // From here the certificate comes with the completion's answer: nothing asks the enrollments for it.
    const certificateLookups: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/enrollment/enrollments/me')) certificateLookups.push(r.url());
    });
    const completion = page.waitForResponse((r) => r.url().endsWith(`/lessons/${course.lessonIds[2]}/complete`));
    await page.getByTestId('complete').click();
    const answered = (await (await completion).json()) as { certificate_id: string | null };
    await page.getByTestId('lesson-done').waitFor();
    const finalValue = Number(
      await page.locator('[data-testid="lesson-progress"] [role="progressbar"]').getAttribute('aria-valuenow'),
    );
    assert(finalValue === 100, `the lesson page shows ${finalValue}% after the last lesson, expected 100%`);
    step('"Continue learning" led to lesson 3; marking it complete reached 100%');

    // The certificate link: the id the answer carried, shown at once (no polling for it).
    const certLink = page.getByTestId('certificate-link').first();
    await certLink.waitFor({ timeout: 5_000 });
    const href = await certLink.getAttribute('href');
    assert(
      answered.certificate_id !== null && href === `/certificates/${answered.certificate_id}`,
      `the certificate link is ${href}, expected the answer's certificate ${answered.certificate_id}`,
    );
    assert(certificateLookups.length === 0, `the page looked the certificate up: ${certificateLookups.join(', ')}`);
    step('the certificate link came with the completion answer, without polling');
    await screenshot(page, 'lesson-3-course-completed');
    await certLink.click();
    await page.waitForURL('**/certificates/*');
    const certificateId = page.url().split('/certificates/')[1]?.split(/[?#]/)[0] ?? '';
    await page.getByTestId('certificate').waitFor();
    const student = (await page.getByTestId('certificate-student').textContent())?.trim();
    const courseTitle = (await page.getByTestId('certificate-course').textContent())?.trim();
    assert(student === studentName, `the certificate names "${student}", expected "${studentName}"`);
    assert(courseTitle === course.title, `the certificate's course is "${courseTitle}"`);
    await screenshot(page, 'certificate');
    await checkAccessibility(page, 'certificate', errors);
    step(`the certificate page ${certificateId} shows the student and the course`);

    // The certificate is public: an anonymous visitor sees it too.
    const anonymous = await options.browser.newContext({ baseURL: baseUrl });
    try {
      const p = await anonymous.newPage();
      await p.goto(`/certificates/${certificateId}`);
      const name = (await p.getByTestId('certificate-student').textContent())?.trim();
      assert(name === studentName, 'the certificate is not public');
    } finally {
      await anonymous.close();
    }
    step('the certificate is public');

    // My learning lists the completed course with its certificate.
    await page.getByRole('link', { name: 'My learning' }).click();
    const item = page.getByTestId('my-enrollment').filter({ hasText: course.title });
    await item.waitFor();
    await item.getByText('Completed', { exact: true }).waitFor();
    await item.getByTestId('my-certificate').waitFor();
    await screenshot(page, 'my-learning');
    step('"My learning" shows the course as completed, with its certificate');

    // Review the course.
    await page.goto(`/courses/${course.courseId}`);
    await page.getByLabel('5 stars (Excellent)').check();
    await page.getByLabel('Comment').fill('Clear and short. Loved it!');
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.getByTestId('own-review').getByText('Clear and short. Loved it!').waitFor();
    const shown = await page.getByText('Clear and short. Loved it!').count();
    assert(shown === 1, `the student's own review is shown ${shown} times`);
    step('posted a 5-star review');
    await screenshot(page, 'course-completed-reviewed');

    // Notifications: the page lists them and one can be marked as read.
    await page.goto('/notifications');
    const first = page.getByTestId('notification').first();
    await first.waitFor();
    const unreadBefore = await page.locator('[data-testid="notification"] button').count();
    if (unreadBefore > 0) {
      await page.locator('[data-testid="notification"] button').first().click();
      await poll('one notification marked as read', async () => {
        return (await page.locator('[data-testid="notification"] button').count()) === unreadBefore - 1;
      });
    }
    await screenshot(page, 'notifications');
    await checkAccessibility(page, 'notifications', errors);
    step(`the notifications page lists ${await page.getByTestId('notification').count()} notification(s)`);

    assert(errors.length === 0, `the page raised errors:\n${errors.join('\n')}`);
    return {
      courseId: course.courseId,
      certificateId,
      studentEmail,
      studentPassword,
      teacherEmail: course.teacherEmail,
      teacherPassword: course.teacherPassword,
      steps,
    };
  } finally {
    await context.close();
  }
}
