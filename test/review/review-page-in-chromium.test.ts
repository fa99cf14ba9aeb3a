import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserPlan, type LaunchedChromium, launchChromium } from '../../bench/launch-chromium.js';
import { packageRoot } from '../../src/package-root.js';
import { writeReviewPage } from '../../src/review/write-review-page.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';
import { type PostingSpec, writeBatchOutput } from './support/batch-output.js';
import { hostileBatch } from './support/hostile-batch.js';
import { sampleBatch } from './support/sample-batch.js';

// Debian's /usr/bin/chromium drives these; without it they skip and say why, unless LEDE_REQUIRE_BROWSER=1 (CI).
const plan = browserPlan(process.env);
let browser: LaunchedChromium | undefined;
let samplePage = '';
let hostilePage = '';

async function reviewPageOf(specs: readonly PostingSpec[]): Promise<string> {
  const out = await newTemporaryFolder('review-browser');
  await writeBatchOutput(out, specs, { costUsd: 0.42 });
  return pathToFileURL(await writeReviewPage(out)).href;
}

beforeAll(async () => {
  if (plan.kind === 'fail') throw new Error(plan.reason);
  if (plan.kind === 'skip') {
    console.warn(`review page browser tests skipped: ${plan.reason}`);
    return;
  }
  browser = await launchChromium();
  samplePage = await reviewPageOf(sampleBatch);
  hostilePage = await reviewPageOf(hostileBatch);
});

afterAll(async () => {
  await browser?.close();
});

interface OpenPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and dialogs: a page that works and runs nothing foreign has none. */
  readonly problems: string[];
}

async function open(url: string): Promise<OpenPage> {
  const page = await (browser as LaunchedChromium).context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** The ids of the postings the page shows now. */
function visiblePostings(page: Page): Promise<string[]> {
  return page
    .locator('article.posting:visible')
    .evaluateAll((articles) => articles.map((article) => article.id));
}

/** The posting that is current and has the focus (page code as text: this file is compiled without the DOM's types). */
async function currentPosting(page: Page): Promise<string | null> {
  return (await page.evaluate(
    "(() => { const current = document.querySelector('article.posting.current'); " +
      'return current === null || document.activeElement !== current ? null : current.id; })()',
  )) as string | null;
}

/** A browser test: skipped, with the reason, when there is no browser to run it in. */
function inChromium(name: string, test: () => Promise<void>): void {
  it(name, async (context) => {
    if (browser === undefined) {
      context.skip(plan.kind === 'run' ? 'Chromium did not start' : plan.reason);
      return;
    }
    await test();
  });
}

describe('review.html in Chromium', () => {
  inChromium(
    'loads with no console error, a row and an article per posting, and the letter marked',
    async () => {
      const { page, problems } = await open(samplePage);
      expect(await page.locator('table.overview tbody tr').count()).toBe(4);
      expect(await visiblePostings(page)).toEqual(['p1', 'p2', 'p3', 'p4']);
      expect(await page.locator('#p1 mark.finding.error').textContent()).toBe('Globex');
      expect(await page.locator('#p1 mark.finding.warning').textContent()).toBe('I am excited about');
      expect(await page.locator('#p1 .letter a.claim').allTextContents()).toEqual([
        'Streamline',
        '40%',
        'Redis',
        'Globex',
      ]);
      expect(await page.locator('#p1 .letter a.hook').textContent()).toBe('real-time ranking service');
      expect(await page.locator('#p1-hook').textContent()).toBe(
        'This year we are rebuilding our real-time ranking service for every customer.',
      );
      expect(await page.locator('.counts').textContent()).toContain('Estimated cost$0.42');
      await page.locator('#p1 .letter a.claim', { hasText: '40%' }).click();
      expect(await page.evaluate('location.hash')).toBe('#p1-c2');
      await mkdir(join(packageRoot(), 'test-artifacts'), { recursive: true });
      await page.screenshot({
        path: join(packageRoot(), 'test-artifacts', 'review-page.png'),
        fullPage: true,
      });
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  inChromium('filters to the postings that need attention, and by industry', async () => {
    const { page, problems } = await open(samplePage);
    await page.locator('#filter-failed').check();
    expect(await visiblePostings(page)).toEqual(['p1', 'p4']);
    expect(await page.locator('table.overview tbody tr:visible').count()).toBe(2);
    expect(await page.locator('#shown-count').textContent()).toBe('Showing 2 of 4 postings');
    await page.locator('#filter-failed').uncheck();
    await page.locator('#filter-industry').selectOption('finance');
    expect(await visiblePostings(page)).toEqual(['p2']);
    await page.locator('#filter-industry').selectOption('');
    expect(await visiblePostings(page)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(problems).toEqual([]);
    await page.close();
  });

  inChromium('moves between postings with j and k or the arrows, over the shown ones only', async () => {
    const { page, problems } = await open(samplePage);
    const keys: [string, string | null][] = [];
    for (const key of ['j', 'j', 'ArrowDown', 'k', 'ArrowUp', 'ArrowUp']) {
      await page.keyboard.press(key);
      keys.push([key, await currentPosting(page)]);
    }
    expect(keys).toEqual([
      ['j', 'p1'],
      ['j', 'p2'],
      ['ArrowDown', 'p3'],
      ['k', 'p2'],
      ['ArrowUp', 'p1'],
      ['ArrowUp', 'p1'],
    ]);
    await page.keyboard.press('f');
    expect(await page.locator('#filter-failed').isChecked()).toBe(true);
    await page.keyboard.press('j');
    expect(await currentPosting(page)).toBe('p4');
    expect(await page.locator('#p4').getAttribute('aria-current')).toBe('true');
    expect(await page.locator('#keys-help').textContent()).toContain('j or ↓ next posting');
    expect(problems).toEqual([]);
    await page.close();
  });

  inChromium(
    'runs nothing from a posting, a company name, a letter or a report, and shows it as text',
    async () => {
      const { page, problems } = await open(hostilePage);
      // Give any handler a chance: focus every element, use the filters, follow the links.
      for (let step = 0; step < 40; step++) await page.keyboard.press('Tab');
      await page.locator('#filter-failed').check();
      await page.locator('#filter-industry').selectOption({ index: 1 });
      for (const link of await page.locator('main a').all()) await link.click();
      await page.waitForTimeout(200);
      expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(await page.locator('main img, main svg, main iframe, main script').count()).toBe(0);
      expect(await page.locator('#evil-link').count()).toBe(0);
      expect(await page.locator('#p1-title').textContent()).toBe(
        '<img src=x onerror="window.__pwned = \'img\'">: <script>window.__pwned = "script"</script>',
      );
      expect(await visiblePostings(page)).toEqual(['p1']);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
