import { htmlToText } from '../../posting/html-to-text.js';
import { type PageTextSource, webPageText } from '../../posting/web-page-text.js';

/** A page's label: the posting's first and last sentence as the page shows them (null: the page holds no posting). */
export interface PageLabel {
  readonly first: string | null;
  readonly last: string | null;
}

/** How much of the posting an extraction kept and how much of the site around it, by lines and by words. */
export interface ExtractionFigures {
  readonly via: PageTextSource;
  readonly postingLines: number;
  readonly postingLinesKept: number;
  readonly postingWords: number;
  readonly postingWordsKept: number;
  readonly chromeLines: number;
  readonly chromeLinesKept: number;
  readonly chromeWords: number;
  readonly chromeWordsKept: number;
  /** Characters of text the extraction gave. */
  readonly extractedChars: number;
}

function normalised(line: string): string {
  return line
    .toLowerCase()
    .replace(/^[\s•·*#>-]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function words(line: string): number {
  return line.split(' ').filter((word) => word !== '').length;
}

/** The visible lines of a page, normalised, without empty lines and lone bullets. */
function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map(normalised)
    .filter((line) => line !== '');
}

/**
 * Measures an extraction against a label. The page's visible text (`htmlToText`, lede's reading of a saved page) is
 * split at the label: lines from the one holding the first sentence to the one holding the last are the posting,
 * the rest is the site around it (navigation, similar jobs, footers) less any line the posting repeats. A line counts
 * as kept when the extraction has it as a line, or (20 characters and up) inside one.
 */
export function measurePageExtraction(
  html: string,
  label: PageLabel,
  extract: (html: string) => { text: string; via: PageTextSource } = webPageText,
): ExtractionFigures | undefined {
  if (label.first === null || label.last === null) return undefined;
  const page = linesOf(htmlToText(html));
  const first = page.findIndex((line) => line.includes(normalised(label.first ?? '')));
  const last = page.findIndex((line, index) => index >= first && line.includes(normalised(label.last ?? '')));
  if (first < 0 || last < 0)
    throw new Error(`the label's ${first < 0 ? 'first' : 'last'} sentence is not on the page`);
  const posting = page.slice(first, last + 1);
  const inPosting = new Set(posting);
  const chrome = [...page.slice(0, first), ...page.slice(last + 1)].filter((line) => !inPosting.has(line));

  const { text, via } = extract(html);
  const extractedLines = new Set(linesOf(text));
  const extractedText = linesOf(text).join(' ');
  const kept = (line: string): boolean =>
    extractedLines.has(line) || (line.length >= 20 && extractedText.includes(line));
  const count = (lines: readonly string[]) => ({
    lines: lines.length,
    linesKept: lines.filter(kept).length,
    words: lines.reduce((sum, line) => sum + words(line), 0),
    wordsKept: lines.filter(kept).reduce((sum, line) => sum + words(line), 0),
  });
  const postingCount = count(posting);
  const chromeCount = count(chrome);
  return {
    via,
    postingLines: postingCount.lines,
    postingLinesKept: postingCount.linesKept,
    postingWords: postingCount.words,
    postingWordsKept: postingCount.wordsKept,
    chromeLines: chromeCount.lines,
    chromeLinesKept: chromeCount.linesKept,
    chromeWords: chromeCount.words,
    chromeWordsKept: chromeCount.wordsKept,
    extractedChars: text.length,
  };
}
