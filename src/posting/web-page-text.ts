import { htmlToText } from './html-to-text.js';
import { jobPostingJsonLd } from './job-posting-json-ld.js';
import { mainContent } from './main-content.js';

/** Where the posting's text came from on the page, most reliable first. */
export type PageTextSource = 'json-ld' | 'job-board' | 'main-content' | 'whole-page';

export interface WebPageText {
  readonly text: string;
  readonly via: PageTextSource;
}

/** Sources to leave out, to measure what each one adds (scripts/measure-real-pages.mjs); lede uses them all. */
export interface WebPageTextOptions {
  readonly jsonLd?: boolean;
  readonly jobBoards?: boolean;
}

/** Fewer words than this is not the posting (a teaser, an "apply" box): try the next source. */
const minWords = 40;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** A field line the posting readers know ("Title: ...", "Company: ..."), only for a value that fits on one line. */
function fieldLine(name: string, value: string | undefined): string[] {
  return value === undefined || value.length > 150 ? [] : [`${name}: ${value}`];
}

/**
 * The posting on a saved or fetched job page. A schema.org `JobPosting` in the page's JSON-LD is the most reliable
 * source (the board's own record of the job): its title and hiring organisation become "Title:" and "Company:" lines
 * the readers already know, followed by its description. Without one, the page's main content (the board's posting
 * container, or Readability's choice) with the
 * article's title as the top line; failing that, the whole page's visible text. Hidden text is dropped in every case.
 */
export function webPageText(html: string, options: WebPageTextOptions = {}): WebPageText {
  const data = options.jsonLd === false ? undefined : jobPostingJsonLd(html);
  const fields =
    data === undefined ? [] : [...fieldLine('Title', data.title), ...fieldLine('Company', data.company)];
  if (data !== undefined) {
    const description = htmlToText(data.descriptionHtml);
    if (wordCount(description) >= minWords) {
      return { text: [...fields, '', description].join('\n').trim(), via: 'json-ld' };
    }
  }
  const main = options.jobBoards === false ? mainContent(html, []) : mainContent(html);
  if (main !== undefined && wordCount(main.text) >= minWords) {
    const head = main.text.slice(0, 500).toLowerCase();
    const titleLine =
      fields.length === 0 && main.title !== undefined && !head.includes(main.title.toLowerCase())
        ? [main.title]
        : [];
    return {
      text: [...fields, ...titleLine, '', main.text].join('\n').trim(),
      via: main.found === 'job-board' ? 'job-board' : 'main-content',
    };
  }
  return { text: [...fields, '', htmlToText(html)].join('\n').trim(), via: 'whole-page' };
}
