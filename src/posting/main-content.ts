import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText, visibleHtml } from './html-to-text.js';

/** The part of a web page that holds the article (here: the posting), without the site's navigation and footer. */
export interface MainContent {
  /** The article's title as the page gives it (its heading or `<title>`), when there is one. */
  readonly title: string | undefined;
  /** The visible text of the main content, paragraphs and bullets kept. */
  readonly text: string;
}

/** Pages bigger than this are not handed to the DOM (memory); the caller falls back to the whole page's text. */
const maxDomBytes = 3 * 1024 * 1024;

function pageTitle(html: string): string {
  const title = /<title\b[^>]*>([^<]{1,300})<\/title\s*>/i.exec(html)?.[1] ?? '';
  return title.replace(/[<>&]/g, ' ').trim();
}

/**
 * Finds the main content of a page with Mozilla's Readability (Firefox's Reader View) over a linkedom document. The
 * page is first reduced to what a reader sees (`visibleHtml`, lede's hidden-text rules), because Readability drops
 * styles and classes and would otherwise let hidden text back in; its result is then read by `htmlToText`. Undefined
 * when Readability finds no article.
 */
export function mainContent(html: string): MainContent | undefined {
  if (html.length > maxDomBytes) return undefined;
  const title = pageTitle(html);
  const { document } = parseHTML(
    `<!doctype html><html><head><title>${title}</title></head><body>${visibleHtml(html)}</body></html>`,
  );
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
    }).parse();
  } catch {
    // Readability on an odd DOM is a missed extraction, not a failed posting: the caller reads the whole page.
    return undefined;
  }
  if (article === null || typeof article.content !== 'string') return undefined;
  const text = htmlToText(article.content);
  if (text === '') return undefined;
  const articleTitle = article.title?.replace(/\s+/g, ' ').trim();
  return { title: articleTitle === '' ? undefined : articleTitle, text };
}
