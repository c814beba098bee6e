/**
 * End-to-end: a teacher authors a paid course in the browser and a student buys it once.
 *
 * A new teacher waits on /teach while an admin finds them by email on the verification page and verifies them:
 * the teacher's page follows live. The teacher then creates a paid course with the /teach form, builds two modules with
 * lessons in the editor (markdown preview, reorder, delete with confirmation) and publishes it — a draft is
 * invisible to the catalog until then. A student finds it by typing a prefix, buys it after the confirmation
 * step, sees progress move live, and a second, stale tab that tries to buy again is refused without a charge.
 * axe-core checks the editor, the catalog and the course page at desktop, phone and dark.
 */
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility } from './axe.ts';
import { adminToken, assert, call, poll, registerTeacher, TIMEOUT_MS } from './support.ts';

export interface AuthoringOptions {
  baseUrl: string;
  browser: Browser;
  adminEmail?: string;
  adminPassword?: string;
  log?: (message: string) => void;
}

const TOKEN_KEY = 'eduplatform.token';

async function signedInPage(browser: Browser, baseUrl: string, token: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT_MS);
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [TOKEN_KEY, token] as const);
  return context.newPage();
}

async function lessonTitles(page: Page, module: number): Promise<string[]> {
  const titles = page.getByTestId('editor-module').nth(module).getByTestId('editor-lesson-title');
  return (await titles.allTextContents()).map((t) => t.trim());
}

async function lessonId(page: Page, title: string): Promise<string> {
  const lesson = page.getByTestId('editor-lesson').filter({ has: page.getByText(title, { exact: true }) });
  const id = await lesson.locator('button[id^="edit-"]').getAttribute('id');
  return id!.replace(/^edit-/, '');
}

export async function runAuthoring(options: AuthoringOptions): Promise<{ courseId: string; title: string }> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const log = options.log ?? ((m: string) => console.log(m));
  const step = (m: string) => log(`✓ ${m}`);
  const errors: string[] = [];
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const registered = await registerTeacher(baseUrl, `author-${tag}`);
  const title = `Zymurgy Workshop ${tag}`;

  const page = await signedInPage(options.browser, baseUrl, registered.token);
  page.on('pageerror', (e) => errors.push(`pageerror (teacher): ${e.message}`));
  try {
    // ---- verification reaches the waiting teacher's page live
    await page.goto('/teach');
    await page.getByText('Waiting for verification').waitFor();
    const admin = await signedInPage(options.browser, baseUrl, await adminToken(baseUrl, options));
    admin.on('pageerror', (e) => errors.push(`pageerror (admin): ${e.message}`));
    await admin.goto('/admin/teachers');
    await admin.getByLabel('Search by name or email').pressSequentially(registered.teacherEmail.slice(0, 30));
    await admin.waitForURL(/q=/);
    const rows = admin.locator('tbody tr');
    await poll('only the searched teacher listed', async () => (await rows.count()) === 1);
    await checkAccessibility(admin, 'admin verification', errors);
    await admin.getByRole('button', { name: `Verify ${registered.teacherName}` }).click();
    await admin.getByText('is now a verified teacher').waitFor();
    await admin.context().close();
    await page.getByTestId('verified-live').waitFor();
    assert((await page.getByText('Waiting for verification').count()) === 0, 'the teacher page still waits');
    step('an admin found the new teacher by email and verified them; the teacher page followed live');
    const teacher = await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY);
    assert(teacher, 'the teacher has no token');

    // ---- the teacher creates a paid course with the form
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Description').fill('Brewing science, from yeast to bottle.');
    await page.getByLabel('Paid').check();
    await page.getByLabel('Price').fill('19.99');
    await page.getByRole('button', { name: 'Create course' }).click();
    await page.waitForURL('**/teach/courses/*/edit');
    const courseId = page.url().split('/teach/courses/')[1]!.split('/')[0]!;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const status = (await page.getByTestId('course-status').textContent())?.trim();
    assert(status === 'Draft', `a new course is "${status}", expected "Draft"`);
    step(`the teacher created the paid course "${title}" ($19.99) from the form: a draft`);

    // A draft is not in the catalog, not in search, and its page is not found.
    const listed = await call(baseUrl, 'GET', `/course/courses?q=${encodeURIComponent(title)}`);
    assert((listed.items as unknown[]).length === 0, 'the draft is found by search');
    const anonymous = await options.browser.newPage({ baseURL: baseUrl });
    await anonymous.goto(`/?q=${encodeURIComponent('zymurgy')}`);
    await anonymous
      .getByTestId('result-count')
      .filter({ hasText: /No courses found|courses/ })
      .waitFor();
    assert((await anonymous.getByRole('link', { name: title }).count()) === 0, 'the draft shows in the catalog');
    const draftPage = await anonymous.goto(`/courses/${courseId}`);
    assert(draftPage?.status() === 404, `the draft's page answers ${draftPage?.status()}, expected 404`);
    await anonymous.close();
    step('the draft is invisible to search, the catalog and its public page');

    // Publishing an empty course is refused with a reason.
    await page.getByRole('button', { name: 'Publish course' }).click();
    await page.getByText('Add at least one lesson before publishing this course').waitFor();

    // ---- two modules with lessons
    await page.getByLabel('New module').fill('Basics');
    await page.getByRole('button', { name: 'Add module' }).click();
    await page.getByTestId('editor-module').first().waitFor();
    await page.getByLabel('New lesson in Basics').fill('Yeast');
    await page.getByRole('button', { name: 'Add lesson to Basics' }).click();
    const editor = page.getByTestId('lesson-editor');
    await editor.waitFor();
    await editor.getByLabel('Content (Markdown)').fill('# Yeast\n\nYeast eats **sugar**.\n\n<script>alert(1)</script>');
    await poll('the live preview', async () =>
      (await editor.getByTestId('lesson-preview').innerHTML()).includes('<strong>sugar</strong>'),
    );
    const preview = await editor.getByTestId('lesson-preview').innerHTML();
    assert(!preview.includes('<script'), 'the preview is not sanitized');
    await editor.getByLabel('Video URL').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await editor.getByLabel('Free preview').check();
    await editor.getByRole('button', { name: 'Save lesson' }).click();
    await editor.getByText('Lesson saved.').waitFor();
    await checkAccessibility(page, 'course editor', errors);
    await editor.getByRole('button', { name: 'Close editor' }).click();
    step('markdown preview rendered by the server and sanitized; lesson saved with a video');

    await page.getByLabel('New lesson in Basics').fill('Sugar');
    await page.getByRole('button', { name: 'Add lesson to Basics' }).click();
    await editor.waitFor();
    await editor.getByRole('button', { name: 'Close editor' }).click();
    await page.getByLabel('New lesson in Basics').fill('Scratch');
    await page.getByRole('button', { name: 'Add lesson to Basics' }).click();
    await editor.getByRole('button', { name: 'Close editor' }).click();
    // Reorder with the keyboard: focus "move Sugar up" and press Enter.
    await page.getByRole('button', { name: 'Move Sugar up' }).focus();
    await page.keyboard.press('Enter');
    await poll('Sugar first', async () => (await lessonTitles(page, 0)).join(',') === 'Sugar,Yeast,Scratch');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    assert(focused === 'Move Sugar down', `after moving, the focus is on "${focused}"`);
    await page.getByText('1 module · 3 lessons').waitFor();
    await poll('the new order saved', async () => {
      const saved = await call(baseUrl, 'GET', `/course/lessons/${await lessonId(page, 'Sugar')}`, teacher);
      return saved.order === 1;
    });
    // Delete with confirmation.
    await page.getByRole('button', { name: 'Delete Scratch' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await poll('Scratch deleted', async () => (await lessonTitles(page, 0)).join(',') === 'Sugar,Yeast');

    await page.getByLabel('New module').fill('Bottling');
    await page.getByRole('button', { name: 'Add module' }).click();
    await page.getByLabel('New lesson in Bottling').fill('Carbonation');
    await page.getByRole('button', { name: 'Add lesson to Bottling' }).click();
    await editor.getByRole('button', { name: 'Close editor' }).click();
    step('two modules with lessons built, reordered from the keyboard, one lesson deleted after confirmation');

    await page.getByRole('button', { name: 'Publish course' }).click();
    await page.getByText('Published: students can now find this course.').waitFor();
    assert((await page.getByTestId('course-status').textContent())?.trim() === 'Published', 'not published');
    const curriculum = await call(baseUrl, 'GET', `/course/courses/${courseId}/curriculum`, teacher);
    const saved = (curriculum.modules as { title: string; lessons: { title: string }[] }[]).map(
      (m) => `${m.title}: ${m.lessons.map((l) => l.title).join(', ')}`,
    );
    assert(
      saved.join(' | ') === 'Basics: Sugar, Yeast | Bottling: Carbonation',
      `the server's curriculum is ${saved.join(' | ')}`,
    );
    step('published; the server holds the curriculum in the edited order');

    // The teacher's list shows each course's state.
    await page.goto('/teach');
    await page.getByTestId('my-course').filter({ hasText: title }).getByText('Published').waitFor();
    await checkAccessibility(page, 'teach', errors);
    assert(errors.length === 0, `the page raised errors:\n${errors.join('\n')}`);
    return { courseId, title };
  } finally {
    await page.context().close();
  }
}

/** A student finds the course by a prefix, buys it after confirming, and a stale tab cannot charge again. */
export async function runBuying(options: AuthoringOptions, course: { courseId: string; title: string }) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const log = options.log ?? ((m: string) => console.log(m));
  const step = (m: string) => log(`✓ ${m}`);
  const errors: string[] = [];
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const registered = await call(baseUrl, 'POST', '/identity/register', null, {
    email: `e2e-buyer-${tag}@example.com`,
    password: 'buy-pass-123',
    name: `E2E Buyer ${tag}`,
    role: 'student',
  });
  const token = registered.access_token as string;
  const tabA = await signedInPage(options.browser, baseUrl, token);
  tabA.on('pageerror', (e) => errors.push(`pageerror (tab A): ${e.message}`));
  try {
    // Found while typing a prefix of a title word (no submit), within a couple of seconds of publishing.
    await tabA.goto('/');
    await tabA.getByLabel('Search', { exact: true }).pressSequentially('zymur', { delay: 40 });
    const card = tabA.getByRole('link', { name: course.title });
    await card.waitFor({ timeout: 5_000 });
    await poll('the URL to follow the typed query', async () => new URL(tabA.url()).searchParams.get('q') === 'zymur');
    await checkAccessibility(tabA, 'catalog with results', errors);
    step('typing "zymur" found the new course without submitting');

    // Tab B opens the same course before the purchase: it will be stale.
    const tabB = await tabA.context().newPage();
    tabB.on('pageerror', (e) => errors.push(`pageerror (tab B): ${e.message}`));
    const calls: string[] = [];
    tabB.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) calls.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await tabB.goto(`/courses/${course.courseId}`);
    await tabB.getByTestId('enroll').waitFor();
    await tabB.waitForTimeout(1_500);
    const repeated = calls.filter((c, i) => calls.indexOf(c) !== i);
    assert(repeated.length === 0, `the signed-in course page repeated API calls: ${repeated.join(', ')}`);
    step(`a signed-in course page makes ${calls.length} API calls, none twice`);

    await card.click();
    await tabA.waitForURL(`**/courses/${course.courseId}`);
    const locked = await tabA.getByTestId('locked-lesson').count();
    assert(locked === 2, `${locked} lessons are marked locked, expected 2 (one preview of three)`);
    const enroll = tabA.getByTestId('enroll');
    assert(/Buy for \$19\.99/.test((await enroll.textContent()) ?? ''), 'the buy button does not show the price');
    await enroll.click();
    const confirm = tabA.getByTestId('confirm-purchase');
    await confirm.getByText('one payment of $19.99').waitFor();
    await checkAccessibility(tabA, 'purchase confirmation', errors);
    await tabA.getByTestId('confirm-pay').click();
    await tabA.getByTestId('enrolled').waitFor();
    const focusedIn = await tabA.evaluate(() => Boolean(document.activeElement?.closest('.enroll-panel')));
    assert(focusedIn, 'the focus left the enrollment panel after enrolling');
    step('bought after the confirmation step ($19.99); the focus stayed in the panel');

    // The stale tab tries to buy again: refused before charging.
    // (Should the tab notice on its own first — it rechecks when it regains focus — the buttons are gone.)
    await tabB
      .getByTestId('enroll')
      .click({ timeout: 3_000 })
      .catch(() => undefined);
    await tabB
      .getByTestId('confirm-pay')
      .click({ timeout: 3_000 })
      .catch(() => undefined);
    await tabB.getByTestId('enrolled').waitFor();
    const paid = await call(baseUrl, 'GET', '/payment/payments/me', token);
    const forCourse = (paid.items as { course_id: string }[]).filter((p) => p.course_id === course.courseId);
    assert(forCourse.length === 1, `${forCourse.length} payments for the course, expected 1`);
    step('the stale tab was refused without a second payment (1 payment in total)');

    // Progress moves live: tab B completes the preview lesson, tab A's bar follows without a reload.
    const place = await call(baseUrl, 'GET', `/course/courses/${course.courseId}/curriculum`);
    const firstLesson = (place.modules as { lessons: { id: string }[] }[])[0]!.lessons[0]!.id;
    await tabB.goto(`/lessons/${firstLesson}`);
    await tabB.getByTestId('complete').click();
    await tabB.getByTestId('lesson-done').waitFor();
    await poll('tab A to show 33% live', async () => {
      const value = await tabA
        .locator('[data-testid="course-progress"] [role="progressbar"]')
        .getAttribute('aria-valuenow');
      return Number(value) === 33;
    });
    step('progress moved live to 33% in the other tab');

    // With the live connection cut, the page says that what it shows may be out of date.
    const cut = await tabA.context().newPage();
    await cut.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    await cut.goto('/learning');
    await cut.getByTestId('updates-delayed').waitFor();
    await checkAccessibility(cut, 'my learning, updates delayed', errors);
    step('with the live connection cut, "updates delayed" is shown');
    assert(errors.length === 0, `the page raised errors:\n${errors.join('\n')}`);
  } finally {
    await tabA.context().close();
  }
}
