/**
 * End-to-end: the public pages as a signed-out visitor sees them.
 *
 * They are rendered on the server, so content paints before JavaScript: the home and course pages show their
 * content with JavaScript turned off, and their first contentful paint is measured (median of several cold
 * loads) and printed. A browser that prefers Russian gets the
 * Russian UI — catalog, course and lesson pages with Russian words, dates and currency, and `<html lang="ru">`.
 * axe-core checks each page at desktop, phone and dark.
 */
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility } from './axe.ts';
import { assert, call, TIMEOUT_MS } from './support.ts';

export interface PublicPagesOptions {
  baseUrl: string;
  browser: Browser;
  courseId: string;
  log?: (message: string) => void;
}

const LOADS = 7;
/** The target on localhost, reported. */
const FCP_TARGET_MS = 300;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * First contentful paint of `path` over several loads, each in a fresh context (no cache, signed out), and the
 * time to the first byte of the HTML, which is the server's share of it.
 */
async function firstContentfulPaint(browser: Browser, baseUrl: string, path: string) {
  const samples: number[] = [];
  const firstByte: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(path, { waitUntil: 'load' });
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const entry = performance.getEntriesByName('first-contentful-paint')[0];
            if (entry) return resolve(entry.startTime);
            new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({
              type: 'paint',
              buffered: true,
            });
          }),
      );
      samples.push(Math.round(fcp));
      firstByte.push(
        Math.round(
          await page.evaluate(
            () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart,
          ),
        ),
      );
    } finally {
      await context.close();
    }
  }
  return { samples, firstByte };
}

/**
 * The page shows `text` in a browser with JavaScript turned off: its content paints without waiting for any
 * script (a client-rendered page would show nothing here, however fast the machine).
 */
async function paintsWithoutJavaScript(browser: Browser, baseUrl: string, path: string, text: string) {
  const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(path);
    await page.getByText(text).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  } finally {
    await context.close();
  }
}

/** The page as served, before any script runs: the content is already in the HTML. */
async function serverRendered(page: Page, path: string, text: string): Promise<void> {
  const response = await page.request.get(path);
  const html = await response.text();
  assert(html.includes(text), `${path} is not rendered on the server (no "${text}" in the HTML)`);
}

export async function runPublicPages(options: PublicPagesOptions): Promise<{ homeMs: number; courseMs: number }> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const log = options.log ?? ((m: string) => console.log(m));
  const step = (m: string) => log(`✓ ${m}`);
  const errors: string[] = [];
  const course = await call(baseUrl, 'GET', `/course/courses/${options.courseId}`);
  const curriculum = await call(baseUrl, 'GET', `/course/courses/${options.courseId}/curriculum`);
  const lessons = (curriculum.modules as { lessons: { id: string; is_preview: boolean }[] }[]).flatMap(
    (m) => m.lessons,
  );
  const preview = lessons.find((l) => l.is_preview)!;
  const locked = lessons.find((l) => !l.is_preview)!;

  // ---- paint before JavaScript
  const home = await firstContentfulPaint(options.browser, baseUrl, '/');
  const coursePage = await firstContentfulPaint(options.browser, baseUrl, `/courses/${options.courseId}`);
  const homeMs = median(home.samples);
  const courseMs = median(coursePage.samples);
  for (const [name, m] of [
    ['home', home],
    ['course', coursePage],
  ] as const) {
    log(
      `  FCP ${name} (signed out, median of ${LOADS}): ${median(m.samples)} ms [${m.samples.join(', ')}]; ` +
        `first byte ${median(m.firstByte)} ms [${m.firstByte.join(', ')}]`,
    );
  }
  if (homeMs > FCP_TARGET_MS || courseMs > FCP_TARGET_MS) log(`  (over the ${FCP_TARGET_MS} ms target)`);
  // Paint times follow whatever else the machine runs (beside the fault suite on a slow machine the home page's
  // median was 1 s), so they are reported; what must hold whatever the machine is that nothing waits for scripts.
  await paintsWithoutJavaScript(options.browser, baseUrl, '/', 'Find your next course');
  await paintsWithoutJavaScript(options.browser, baseUrl, `/courses/${options.courseId}`, course.title as string);

  const context = await options.browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await serverRendered(page, `/courses/${options.courseId}`, course.title as string);
    step(
      `home ${homeMs} ms and course ${courseMs} ms to first paint; both show their content with JavaScript off, ` +
        `course content is in the server's HTML`,
    );

    // ---- the Russian UI, chosen from the browser's languages
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Найдите свой следующий курс' }).waitFor();
    assert((await page.getAttribute('html', 'lang')) === 'ru', 'the catalog page is not <html lang="ru">');
    await checkAccessibility(page, 'catalog (ru)', errors);

    await page.goto(`/courses/${options.courseId}`);
    await page.getByRole('heading', { level: 2, name: 'Программа' }).waitFor();
    const price = (await page.locator('.enroll-panel .price').textContent())?.trim() ?? '';
    assert(/^19,99\s\$$/.test(price), `the Russian price is "${price}", expected "19,99 $"`);
    const published = (await page.locator('dl dd').last().textContent())?.trim() ?? '';
    assert(/\d{1,2}\s[а-я]+\.?\s\d{4}/.test(published), `the Russian date is "${published}"`);
    await page.getByText('Закрыт').first().waitFor();
    await checkAccessibility(page, 'course (ru)', errors);
    step(`Russian course page: price "${price}", date "${published}", locked lessons marked`);

    await page.goto(`/lessons/${preview.id}`);
    await page.getByText('Бесплатный предпросмотр').first().waitFor();
    await page.getByRole('link', { name: 'Вернуться к курсу' }).waitFor();
    await checkAccessibility(page, 'preview lesson (ru)', errors);

    // A locked lesson names its course and offers to buy it.
    await page.goto(`/lessons/${locked.id}`);
    await page.getByTestId('lesson-locked').waitFor();
    const buy = (await page.getByTestId('lesson-buy').textContent())?.trim();
    assert(/^Купить за 19,99\s\$$/.test(buy ?? ''), `the locked lesson's call to action is "${buy}"`);
    await checkAccessibility(page, 'locked lesson (ru)', errors);
    step('Russian lesson pages: the preview reads, the locked one offers "Купить за 19,99 $"');

    // The switch goes back to English and is remembered.
    await page.getByTestId('language').click();
    await page.getByText('This lesson is locked').waitFor();
    assert((await page.getAttribute('html', 'lang')) === 'en', 'the switch did not set <html lang="en">');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Find your next course' }).waitFor();
    step('the language switch changes the page at once and is remembered');
    assert(errors.length === 0, `problems:\n${errors.join('\n')}`);
  } finally {
    await context.close();
  }
  return { homeMs, courseMs };
}
