import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText, visibleHtml } from './html-to-text.js';
import { jobBoardContainers } from './job-board-containers.js';
import { holdsJobTitle } from './role-title.js';

/** The part of a web page that holds the article (here: the posting), without the site's navigation and footer. */
export interface MainContent {
  /** The article's title as the page gives it (its heading or `<title>`), when there is one. */
  readonly title: string | undefined;
  /** The visible text of the main content, paragraphs and bullets kept. */
  readonly text: string;
  /** A job board's own posting container, or Readability's choice. */
  readonly found: 'job-board' | 'readability';
}

/** A container with fewer words than this is a teaser or an empty shell, not the posting. */
const minContainerWords = 40;

interface Element {
  readonly innerHTML: string;
  readonly textContent: string | null;
}
interface QueryableDocument {
  querySelector(selector: string): Element | null;
}

/** The first job board container on the page that holds a posting's worth of text. */
function boardContainer(
  document: QueryableDocument,
  containers: readonly { readonly selector: string }[],
): Element | undefined {
  for (const { selector } of containers) {
    const element = document.querySelector(selector);
    const words = element?.textContent?.split(/\s+/).filter((word) => word !== '').length ?? 0;
    if (element !== null && words >= minContainerWords) return element;
  }
  return undefined;
}

/** The page's own heading for the job: its first `<h1>` when that is one short line, else the `<title>`. */
function headingOf(document: QueryableDocument, title: string): string | undefined {
  const heading = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  if (heading !== '' && heading.length <= 150) return heading;
  return title === '' ? undefined : title;
}

/** Pages bigger than this are not handed to the DOM (memory); the caller falls back to the whole page's text. */
const maxDomBytes = 3 * 1024 * 1024;

/**
 * The page's `<title>` (the browser tab's text) when it is in the `<head>` and names a job ("Senior ML Engineer -
 * Acme"): then the readers can use it as the title line. A `<title>` in the body is shown nowhere, and a tab title that
 * is not a job title is no use to them; either could carry an instruction, so neither is kept.
 */
function pageTitle(html: string): string {
  const head = /<head\b[^>]*>([\s\S]*?)(?:<\/head\s*>|<body\b)/i.exec(html.slice(0, 200_000))?.[1] ?? '';
  const title = (/<title\b[^>]*>([^<]{1,300})<\/title\s*>/i.exec(head)?.[1] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return holdsJobTitle(title) ? title : '';
}

/**
 * Finds the main content of a page: a job board's own posting container when the page has one
 * (`jobBoardContainers`), else what Mozilla's Readability (Firefox's Reader View) finds, over a linkedom document. The
 * page is first reduced to what a reader sees (`visibleHtml`, lede's hidden-text rules), because Readability drops
 * styles and classes and would otherwise let hidden text back in; its result is then read by `htmlToText`. Undefined
 * when Readability finds no article.
 */
export function mainContent(
  html: string,
  containers: readonly { readonly selector: string }[] = jobBoardContainers,
): MainContent | undefined {
  if (html.length > maxDomBytes) return undefined;
  const title = pageTitle(html);
  const { document } = parseHTML(
    `<!doctype html><html><head><title>${title}</title></head><body>${visibleHtml(html)}</body></html>`,
  );
  const board = boardContainer(document as unknown as QueryableDocument, containers);
  if (board !== undefined) {
    const text = htmlToText(board.innerHTML);
    return { title: headingOf(document as unknown as QueryableDocument, title), text, found: 'job-board' };
  }
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
  return { title: articleTitle === '' ? undefined : articleTitle, text, found: 'readability' };
}
