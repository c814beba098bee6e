#!/usr/bin/env node
/**
 * Runs the browser end-to-end flows in headless Chromium, one after the other:
 *   learning-loop.e2e.ts  the student learning loop (buy, learn, live progress, certificate, review)
 *   authoring.e2e.ts      a teacher authors and publishes a paid course; a student buys it once
 *   public-pages.e2e.ts   server-rendered public pages: first paint, the Russian UI, accessibility
 *
 *   BASE_URL=http://127.0.0.1:3000 node frontend/e2e/run.mjs        # or: node frontend/e2e/run.mjs http://…
 *
 * Environment: BASE_URL (default http://127.0.0.1:3000), CHROMIUM_PATH (default /usr/bin/chromium),
 * SCREENSHOTS_DIR (save a screenshot per step), ADMIN_EMAIL / ADMIN_PASSWORD (the bootstrap admin).
 * Needs Node ≥ 22.18 (runs the TypeScript specs with Node's type stripping) and playwright-core.
 * Exits 0 when every flow passed, 1 otherwise.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { runAuthoring, runBuying } from './authoring.e2e.ts';
import { runLearningLoop } from './learning-loop.e2e.ts';
import { runPublicPages } from './public-pages.e2e.ts';

const baseUrl = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotsDir = process.env.SCREENSHOTS_DIR || undefined;
if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true });
const admin = { adminEmail: process.env.ADMIN_EMAIL, adminPassword: process.env.ADMIN_PASSWORD };

console.log(`e2e against ${baseUrl}`);
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let passed = 0;
let failed = 0;
/** Runs one flow; a failure is reported and the next flow still runs. */
async function flow(name, run) {
  const started = Date.now();
  console.log(`-- ${name}`);
  try {
    const result = await run();
    passed += 1;
    console.log(`${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    failed += 1;
    console.error(`${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return undefined;
  }
}
try {
  await flow('learning loop', () => runLearningLoop({ baseUrl, browser, screenshotsDir, ...admin }));
  const course = await flow('course authoring', () => runAuthoring({ baseUrl, browser, ...admin }));
  if (course) {
    await flow('buying once', () => runBuying({ baseUrl, browser }, course));
    await flow('public pages', () => runPublicPages({ baseUrl, browser, courseId: course.courseId }));
  } else {
    failed += 2;
  }
} finally {
  await browser.close();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
