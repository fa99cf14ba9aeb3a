import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeBenchPostings } from './generate-postings.js';
import { launchChromium } from './launch-chromium.js';

export interface ReviewPageMeasurement {
  readonly postings: number;
  readonly bytes: number;
  /** Navigation start to the end of the load event, by the browser's clock, in its first tab: the cold load. */
  readonly firstLoadMs: number;
  /** The median of the loads after it, each in a fresh tab. */
  readonly loadMs: number;
  /** How many posting articles the loaded page held (all of them, or the figure means nothing). */
  readonly articles: number;
}

/**
 * Writes `count` postings, runs `lede batch` over them with the offline engine (which writes review.html), then loads
 * the page in headless Chromium: once cold, then several times in fresh tabs (the median of those).
 */
export async function measureReviewPage(options: {
  readonly work: string;
  readonly cliMain: string;
  readonly profile: string;
  readonly count: number;
  readonly loads?: number;
}): Promise<ReviewPageMeasurement> {
  const postings = join(options.work, 'review-postings');
  const out = join(options.work, 'review-out');
  await writeBenchPostings(postings, options.count);
  const batch = spawnSync(
    process.execPath,
    [
      options.cliMain,
      'batch',
      postings,
      '--profile',
      options.profile,
      '--out',
      out,
      '--engine',
      'offline',
      '--quiet',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // Exit 1 only says some letters fail a rule: the page shows those too.
  if (batch.status !== 0 && batch.status !== 1) throw new Error(`lede batch exited ${batch.status}`);
  const page = join(out, 'review.html');
  const bytes = (await stat(page)).size;
  const browser = await launchChromium();
  const times: number[] = [];
  let firstLoadMs = Number.NaN;
  let articles = 0;
  try {
    const url = pathToFileURL(page).href;
    for (let load = 0; load <= (options.loads ?? 7); load++) {
      const tab = await browser.context.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      // The browser's own clock, from navigation start to the end of the load event (parsing, style, layout, script).
      // (A string: this file is compiled without the DOM's types.)
      const elapsed = Number(
        await tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"),
      );
      articles = await tab.locator('article.posting').count();
      await tab.close();
      if (load === 0) firstLoadMs = elapsed;
      else times.push(elapsed);
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return {
    postings: options.count,
    bytes,
    firstLoadMs,
    loadMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    articles,
  };
}
