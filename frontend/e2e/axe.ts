/**
 * axe-core in the page: WCAG 2.x A/AA rules, at desktop, phone width and in dark mode. Serious and critical
 * violations are collected into `errors` (the caller fails the run on any).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const MODES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
  { name: 'phone', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { name: 'dark', viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
] as const;

export async function checkAccessibility(page: Page, what: string, errors: string[]): Promise<void> {
  const viewport = page.viewportSize();
  for (const mode of MODES) {
    await page.setViewportSize(mode.viewport);
    await page.emulateMedia({ colorScheme: mode.colorScheme });
    // Evaluated through the DevTools protocol, which the page's CSP (rightly) does not let an inline script do.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const result = await page.evaluate(
      () =>
        (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResult> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        }) as Promise<AxeResult>,
    );
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      errors.push(
        `axe (${what}, ${mode.name}): ${v.id} — ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
      );
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (viewport) await page.setViewportSize(viewport);
}
