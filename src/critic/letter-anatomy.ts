import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import {
  type SentenceBreaks,
  splitLines,
  splitSentences,
  type TextSpan,
  trimSpan,
} from '../text/split-text.js';
import { countWords } from '../text/words.js';

/** A slice of the letter: `letter.slice(start, end) === text`. */
export type Span = TextSpan;

/** The parts of a letter the rules look at, found once per letter. All offsets index the original text. */
export interface LetterAnatomy {
  readonly text: string;
  /** The greeting line ("Dear Ms. Chen,"), when there is one. */
  readonly greeting: Span | null;
  /** The sign-off word line ("Best,"), when there is one. */
  readonly signoff: Span | null;
  /** The lines after the sign-off (the candidate's name), when there are any. */
  readonly signature: Span | null;
  /** Everything between the greeting and the sign-off (the whole letter when neither is found). */
  readonly body: Span;
  /** The body's paragraphs, split on blank lines. */
  readonly paragraphs: readonly Span[];
  /** The body's sentences, in order. */
  readonly sentences: readonly Span[];
  /** Words in the body (greeting to sign-off). */
  readonly wordCount: number;
}

const defaultGreetings = [
  'dear',
  'hello',
  'hi',
  'greetings',
  'to whom it may concern',
  'good morning',
  'good afternoon',
];
const defaultSignoffs = [
  'best',
  'best regards',
  'kind regards',
  'regards',
  'sincerely',
  'thank you',
  'thanks',
  'cheers',
];

/** How many short lines a header above the greeting may run to (a Markdown letter's title block is 15-20). */
const headerLines = 30;

/** Sentences end at . ! ? followed by space, or at a line break inside a paragraph (a list). */
const letterSentences: SentenceBreaks = {
  lineBreaks: true,
  capitalAfter: false,
  abbreviation:
    /(?:\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|inc|ltd|co|corp|jr|sr|st|no|approx|u\.s|fig|m\.s|b\.s|m\.a|b\.a|ph\.d|m\.sc|b\.sc|m\.eng|b\.eng|m\.tech|b\.tech)\.)$/i,
};

function stripMarkup(line: string): string {
  return line
    .trim()
    .replace(/^[#>*_\s-]+/, '')
    .replace(/[*_]+$/, '')
    .trim()
    .toLowerCase();
}

/**
 * Splits a letter into greeting, body, sign-off and signature, and the body into paragraphs and sentences. Works on
 * letters people wrote (Markdown emphasis, Windows line endings, one-line paragraphs, no greeting at all).
 */
export function analyzeLetter(
  text: string,
  vocabulary?: Pick<CommonVocabulary, 'greetings' | 'signoffs'>,
): LetterAnatomy {
  const greetings = (vocabulary?.greetings ?? defaultGreetings).map((word) => word.toLowerCase());
  const signoffs = (vocabulary?.signoffs ?? defaultSignoffs).map((word) => word.toLowerCase());
  const all = splitLines(text);
  const content = all.filter((line) => line.text.trim() !== '');

  let greeting: Span | null = null;
  // The greeting is the first content line, or comes after a header of short lines (name, contact, date, address,
  // a "Re:" line, a Markdown title and field list): a long line is prose, and prose ends the search.
  for (const line of content.slice(0, headerLines)) {
    greeting = findGreeting(text, line, greetings);
    if (greeting !== null || line.text.trim().length > 100) break;
  }

  let signoff: Span | null = null;
  let signature: Span | null = null;
  // The sign-off is one of the last content lines: "Best," alone on its line, then the name and contact lines.
  for (let index = content.length - 1; index >= Math.max(0, content.length - 8); index--) {
    const line = content[index];
    if (line === undefined || (greeting !== null && line.start <= greeting.start)) break;
    const plain = stripMarkup(line.text).replace(/[,.!:]+$/, '');
    if (signoffs.includes(plain)) {
      signoff = trimSpan(text, line.start, line.end);
      const after = content[index + 1];
      const last = content[content.length - 1];
      if (after !== undefined && last !== undefined) signature = trimSpan(text, after.start, last.end);
      break;
    }
    // "Best, Priya" on one line.
    const inline = /^(.*?),\s*(\S.*)$/.exec(line.text.trim());
    const name = inline?.[2];
    if (
      inline?.[1] !== undefined &&
      name !== undefined &&
      signoffs.includes(stripMarkup(inline[1])) &&
      index >= content.length - 2 &&
      name.split(/\s+/).length <= 5
    ) {
      const offset = line.start + line.text.indexOf(inline[1]);
      signoff = { text: inline[1], start: offset, end: offset + inline[1].length };
      const nameStart = line.start + line.text.lastIndexOf(name);
      const last = content[content.length - 1];
      if (last !== undefined) signature = trimSpan(text, nameStart, last.end);
      break;
    }
    // Lines after the sign-off are short: a name, a title, contact details.
    if (line.text.trim().split(/\s+/).length > 8) break;
  }

  const bodyStart = greeting === null ? letterheadEnd(content) : greeting.end;
  const bodyEnd = signoff === null ? text.length : signoff.start;
  const body = trimSpan(text, bodyStart, bodyEnd) ?? { text: '', start: bodyStart, end: bodyStart };

  const paragraphs: Span[] = [];
  const sentences: Span[] = [];
  const blank = /\n[ \t\r]*\n/g;
  let cursor = body.start;
  const pushParagraph = (start: number, end: number): void => {
    const span = trimSpan(text, start, end);
    if (span === null) return;
    paragraphs.push(span);
    sentences.push(...splitSentences(text, span.start, span.end, letterSentences));
  };
  for (const match of body.text.matchAll(blank)) {
    const at = body.start + (match.index ?? 0);
    pushParagraph(cursor, at);
    cursor = at + match[0].length;
  }
  pushParagraph(cursor, body.end);

  const wordCount = countWords(text, body.start, body.end);
  return { text, greeting, signoff, signature, body, paragraphs, sentences, wordCount };
}

// A line of a letterhead: contact details, a date, or a short line that is no sentence (a name, a company, a role).
const contactLine = /@|https?:\/\/|www\.|\b(?:linkedin|github)\b|\+?\(?\d{2,4}\)?[\s.-]\d{3}[\s.-]\d{3,4}/i;
const sentenceEnd = /[.!?]["'”’)]*$/;

function isLetterheadLine(line: string): boolean {
  const plain = line.trim();
  if (plain.length > 100) return false;
  if (contactLine.test(plain)) return true;
  return plain.split(/\s+/).length <= 8 && !sentenceEnd.test(plain);
}

/**
 * Where the body starts in a letter without a greeting: after a letterhead (name, contact, date, company and role
 * lines) when one sits at the top and prose follows it; 0 otherwise.
 */
function letterheadEnd(content: readonly TextSpan[]): number {
  let end = 0;
  for (const [index, line] of content.entries()) {
    if (index >= headerLines || !isLetterheadLine(line.text)) return index === 0 ? 0 : end;
    end = line.end;
  }
  // Nothing but short lines: no letterhead, just a short letter.
  return 0;
}

/** A greeting line ("Dear Ms. Chen,"), or the greeting at the start of a line that goes on ("Hi Dana, I ..."). */
function findGreeting(text: string, line: TextSpan, greetings: readonly string[]): Span | null {
  const plain = stripMarkup(line.text);
  const isGreeting = greetings.some(
    (word) => plain === word || plain.startsWith(`${word} `) || plain.startsWith(`${word},`),
  );
  if (!isGreeting) return null;
  // A greeting is a short line ending in a comma or colon (or with nothing after the salutation).
  if (plain.length <= 80 && (/[,:]\s*$/.test(plain) || plain.split(/\s+/).length <= 5)) {
    return trimSpan(text, line.start, line.end);
  }
  const comma = /^[^,:!?]{1,60}[,:]/.exec(line.text.trimStart());
  if (comma === null) return null;
  const start = line.start + (line.text.length - line.text.trimStart().length);
  return trimSpan(text, start, start + comma[0].length);
}
