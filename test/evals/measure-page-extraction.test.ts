import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurePageExtraction } from '../../src/evals/pages/measure-page-extraction.js';
import { htmlToText } from '../../src/posting/html-to-text.js';

const page = readFileSync(join(import.meta.dirname, '../fixtures/web-pages/board-page.html'), 'utf8');
const label = {
  first:
    'Lumenfold builds the search and recommendation engine behind more than 400 online grocery stores in Europe.',
  last: 'We look forward to hearing from you.',
};

describe('measurePageExtraction', () => {
  it("counts the posting's lines kept and the site's lines dropped, by lines and by words", () => {
    const figures = measurePageExtraction(page, label);
    expect(figures).toMatchObject({ via: 'main-content', postingLines: 11, postingLinesKept: 11 });
    // Above the first sentence, so outside the label: the title line lede puts on top, and the job's location line.
    expect(figures?.chromeLinesKept).toBe(2);
    expect(figures?.chromeLines).toBe(12);
  });

  it('scores the whole page as keeping everything and dropping nothing', () => {
    const figures = measurePageExtraction(page, label, (html) => ({
      text: htmlToText(html),
      via: 'whole-page',
    }));
    expect(figures?.postingWordsKept).toBe(figures?.postingWords);
    expect(figures?.chromeWordsKept).toBe(figures?.chromeWords);
  });

  it('is undefined for a page labelled as holding no posting, and fails on a label the page does not hold', () => {
    expect(measurePageExtraction(page, { first: null, last: null })).toBeUndefined();
    expect(() => measurePageExtraction(page, { ...label, first: 'Not on the page.' })).toThrow(
      /first sentence/,
    );
  });
});
