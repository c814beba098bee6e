#!/usr/bin/env node
/**
 * Runs the end-to-end learning loop (learning-loop.e2e.ts) in headless Chromium.
 *
 *   BASE_URL=http://127.0.0.1:3000 node frontend/e2e/run.mjs        # or: node frontend/e2e/run.mjs http://…
 *
 * Environment: BASE_URL (default http://127.0.0.1:3000), CHROMIUM_PATH (default /usr/bin/chromium),
 * SCREENSHOTS_DIR (save a screenshot per step), ADMIN_EMAIL / ADMIN_PASSWORD (the bootstrap admin).
 * Needs Node ≥ 22.18 (runs the TypeScript spec with Node's type stripping) and playwright-core.
 * Exits 0 when the loop passed, 1 when it failed.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { runLearningLoop } from './learning-loop.e2e.ts';

const baseUrl = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshotsDir = process.env.SCREENSHOTS_DIR || undefined;
if (screenshotsDir) mkdirSync(screenshotsDir, { recursive: true });

const started = Date.now();
console.log(`e2e learning loop against ${baseUrl}`);
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
let failed = false;
try {
  const result = await runLearningLoop({
    baseUrl,
    browser,
    screenshotsDir,
    adminEmail: process.env.ADMIN_EMAIL,
    adminPassword: process.env.ADMIN_PASSWORD,
  });
  console.log(`learning loop passed in ${((Date.now() - started) / 1000).toFixed(1)} s (course ${result.courseId})`);
} catch (error) {
  failed = true;
  console.error(`learning loop FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await browser.close();
}
console.log(failed ? 'e2e: 0 passed, 1 failed' : 'e2e: 1 passed, 0 failed');
process.exit(failed ? 1 : 0);
