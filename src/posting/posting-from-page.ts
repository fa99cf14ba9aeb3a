import { InputError } from '../errors.js';
import { documentText } from '../input/read-document.js';
import { decodeText } from '../input/read-text-file.js';
import type { FetchedPage } from './fetch-posting.js';
import { parsePosting } from './load-posting.js';
import type { Posting } from './posting.js';
import { type PageTextSource, webPageText } from './web-page-text.js';

/** A posting read from the web, and how. */
export interface WebPosting {
  /** Its source is the address as given. */
  readonly posting: Posting;
  /** For an HTML page: JSON-LD, main content or the whole page. */
  readonly via: PageTextSource | 'text' | 'document';
}

/** The page's text: the charset the server named when Node knows it, else lede's own detection (UTF-8, UTF-16, 1252). */
function decodePage(page: FetchedPage): string {
  if (page.charset !== undefined) {
    try {
      return new TextDecoder(page.charset).decode(page.bytes);
    } catch {
      // An unknown charset label: detect instead.
    }
  }
  return decodeText(page.bytes, page.url, 'posting');
}

/**
 * A page with next to no text is, more often than not, a shell that scripts fill in a browser (Workday, some
 * ZipRecruiter pages): the fix is the browser's copy, not a longer paste.
 */
function builtByScripts(error: unknown, url: string): unknown {
  if (
    !(error instanceof InputError) ||
    (error.code !== 'posting.too-short' && error.code !== 'posting.empty')
  )
    return error;
  return new InputError(
    error.code,
    `${error.message} (the page may be built by scripts, which lede does not run)`,
    {
      file: error.file,
      hint: `open ${url} in a browser, then save the page (or copy the posting's text) and pass the file`,
      cause: error,
    },
  );
}

/**
 * Turns a fetched page into a Posting named by its address: HTML through `webPageText` (JSON-LD, main content,
 * visible text), text and Markdown as they are, PDF and .docx through the document reader (by their bytes). The same checks as for a
 * file follow (empty, too short, boilerplate only, not English).
 */
export async function postingFromPage(page: FetchedPage): Promise<WebPosting> {
  if (page.kind === 'pdf' || page.kind === 'docx') {
    const { text } = await documentText(page.bytes, page.url, 'posting');
    return { posting: parsePosting(text, page.url, 'text'), via: 'document' };
  }
  const raw = decodePage(page);
  if (page.kind === 'html') {
    const { text, via } = webPageText(raw);
    try {
      return { posting: parsePosting(text, page.url, 'text'), via };
    } catch (error) {
      throw builtByScripts(error, page.url);
    }
  }
  return {
    posting: parsePosting(raw, page.url, page.kind === 'markdown' ? 'markdown' : 'text'),
    via: 'text',
  };
}
