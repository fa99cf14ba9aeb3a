import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { documentText, readDocumentText } from '../input/read-document.js';
import { decodeText, readTextFile } from '../input/read-text-file.js';
import { normaliseText } from '../text/normalise-text.js';
import { substantiveWordCount } from './boilerplate.js';
import { detectLanguage } from './detect-language.js';
import { htmlToText } from './html-to-text.js';
import { withoutMarkdownComments } from './markdown-comments.js';
import type { Posting } from './posting.js';

/** Documents whose text lede takes out (`src/input/read-document.ts`) before reading it as a posting. */
export const documentExtensions = ['.pdf', '.docx'] as const;

/** Extensions `lede` reads as postings. */
export const postingExtensions = ['.txt', '.md', '.html', '.htm', ...documentExtensions] as const;

function isDocumentExtension(extension: string): boolean {
  return (documentExtensions as readonly string[]).includes(extension);
}

/** A posting shorter than this (in words) cannot say enough about the job to tailor a letter to. */
export const minPostingWords = 25;

/** How to read raw posting text; by default guessed from the source's extension and the text's first tag. */
export type PostingFormat = 'html' | 'markdown' | 'text';

/** Scripts written without spaces between words: a word is about two characters there. */
const unspacedLanguages: ReadonlySet<string> = new Set(['Japanese', 'Chinese', 'Thai']);

function wordCount(text: string, language: string | undefined): number {
  const spaced = text.split(/\s+/).length;
  if (language === undefined || !unspacedLanguages.has(language)) return spaced;
  return Math.max(spaced, Math.floor((text.match(/\p{L}/gu)?.length ?? 0) / 2));
}

/**
 * Turns raw posting text into a Posting: HTML is reduced to visible text, invisible and control characters are
 * dropped, and postings with nothing to tailor a letter to (empty, too short, only careers-page boilerplate) are
 * refused with what to do. A posting in another language is kept with its language: a model can write that letter.
 */
export function parsePosting(raw: string, source: string, format?: PostingFormat): Posting {
  const looksHtml =
    format === 'html' ||
    (format === undefined &&
      (/\.html?$/i.test(source) || /^\s*(<!doctype html|<html|<body|<div|<p[\s>])/i.test(raw)));
  const isMarkdown = format === 'markdown' || (format === undefined && /\.(md|markdown)$/i.test(source));
  const visible = looksHtml ? htmlToText(raw) : isMarkdown ? withoutMarkdownComments(raw) : raw;
  const text = normaliseText(visible).trim();
  if (text === '') {
    throw new InputError('posting.empty', `${source} has no text`, {
      file: source,
      hint: 'paste the job posting into the file (title, company, responsibilities)',
    });
  }
  const language = detectLanguage(text);
  const words = wordCount(text, language.language);
  if (words < minPostingWords) {
    throw new InputError(
      'posting.too-short',
      `${source} has only ${words} words; that is not enough to tailor a letter`,
      {
        file: source,
        hint: `paste the whole job posting (at least ${minPostingWords} words: the role, the company, what the team does)`,
      },
    );
  }
  // The boilerplate lists are English: another language's posting is judged by its length alone.
  if (language.english && substantiveWordCount(text) < minPostingWords) {
    throw new InputError(
      'posting.boilerplate-only',
      `${source} holds only careers-page boilerplate (equal-opportunity, cookie and privacy notices, buttons), not the job`,
      {
        file: source,
        hint: 'copy the part of the page that describes the role and the team, not the page footer',
      },
    );
  }
  return language.english
    ? { source, text }
    : { source, text, language: language.language ?? 'another language' };
}

/**
 * A posting from bytes read elsewhere (a batch folder, standard input, a web page), named `source`. A `.pdf` or
 * `.docx`, or bytes with no extension to go by (standard input), go through the document reader, which knows a PDF or
 * Word file by its first bytes; anything else is decoded as text (and a PDF saved as `.txt` is refused as such).
 */
export async function postingFromBytes(bytes: Buffer, source: string, extension: string): Promise<Posting> {
  if (extension === '' || isDocumentExtension(extension)) {
    const document = await documentText(bytes, source, 'posting');
    return parsePosting(document.text, source, document.format === 'text' ? undefined : 'text');
  }
  return parsePosting(decodeText(bytes, source, 'posting'), source);
}

/** Reads a posting file (.txt, .md, .html, .pdf, .docx). */
export async function loadPosting(path: string): Promise<Posting> {
  const extension = extname(path).toLowerCase();
  if (extension !== '' && !(postingExtensions as readonly string[]).includes(extension)) {
    throw new InputError(
      'posting.unsupported-type',
      `${path}: lede cannot read ${extension} files; it reads ${postingExtensions.join(', ')} postings`,
      {
        file: path,
        hint: 'save the posting as plain text, Markdown, HTML, PDF or Word .docx',
      },
    );
  }
  if (isDocumentExtension(extension)) {
    return parsePosting((await readDocumentText(path, 'posting')).text, path, 'text');
  }
  return parsePosting(await readTextFile(path, 'posting'), path);
}
