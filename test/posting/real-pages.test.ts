import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurePageExtraction, type PageLabel } from '../../src/evals/pages/measure-page-extraction.js';
import { parsePosting } from '../../src/posting/load-posting.js';
import { webPageText } from '../../src/posting/web-page-text.js';

// Real job pages from public repositories (datasets/real-pages/sources.md). They are not committed: without
// `node scripts/fetch-real-pages.mjs` these tests are skipped.
const folder = join(import.meta.dirname, '../../datasets/real-pages');
const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Record<string, PageLabel>;
const pages = Object.keys(labels).filter((id) => !id.startsWith('$'));
const pagePath = (id: string): string => join(folder, 'pages', `${id}.html`);
const present = pages.every((id) => existsSync(pagePath(id)));

describe.skipIf(!present)('real job pages', () => {
  it.each(pages.filter((id) => labels[id]?.first !== null))(
    '%s: keeps the whole posting and drops at least 95% of the site around it',
    (id) => {
      const figures = measurePageExtraction(readFileSync(pagePath(id), 'utf8'), labels[id] as PageLabel);
      expect(figures?.postingWordsKept).toBe(figures?.postingWords);
      const dropped =
        ((figures?.chromeWords ?? 0) - (figures?.chromeWordsKept ?? 0)) / (figures?.chromeWords ?? 1);
      expect(dropped).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('refuses a page that is only a script shell as too short, rather than drafting from its menu', () => {
    const { text } = webPageText(readFileSync(pagePath('ziprecruiter-shell'), 'utf8'));
    expect(() => parsePosting(text, 'https://www.ziprecruiter.com/jobs-search')).toThrow(
      /not enough to tailor a letter/,
    );
  });
});
