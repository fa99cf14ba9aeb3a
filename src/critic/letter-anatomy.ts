import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { isWordChar } from '../text/tokenize.js';

/** A slice of the letter: `letter.slice(start, end) === text`. */
export interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

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

interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    out.push({ text: text.slice(start, end), start, end });
    if (newline === -1) return out;
    start = newline + 1;
  }
}

function trimmed(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return from === to ? null : { text: text.slice(from, to), start: from, end: to };
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
  const all = lines(text);
  const content = all.filter((line) => line.text.trim() !== '');

  let greeting: Span | null = null;
  // The greeting is the first content line, or comes after a short header (name, contact, date, address).
  for (const line of content.slice(0, 10)) {
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
      signoff = trimmed(text, line.start, line.end);
      const after = content[index + 1];
      const last = content[content.length - 1];
      if (after !== undefined && last !== undefined) signature = trimmed(text, after.start, last.end);
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
      if (last !== undefined) signature = trimmed(text, nameStart, last.end);
      break;
    }
    // Lines after the sign-off are short: a name, a title, contact details.
    if (line.text.trim().split(/\s+/).length > 8) break;
  }

  const bodyStart = greeting === null ? 0 : greeting.end;
  const bodyEnd = signoff === null ? text.length : signoff.start;
  const body = trimmed(text, bodyStart, bodyEnd) ?? { text: '', start: bodyStart, end: bodyStart };

  const paragraphs: Span[] = [];
  const sentences: Span[] = [];
  const blank = /\n[ \t\r]*\n/g;
  let cursor = body.start;
  const pushParagraph = (start: number, end: number): void => {
    const span = trimmed(text, start, end);
    if (span === null) return;
    paragraphs.push(span);
    splitSentences(text, span, sentences);
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

/**
 * Words in `[start, end)`: a word starts at a letter or digit and runs on through letters, digits and ' ’ . % $ & + / -
 * ("real-time", "40%", "Node.js" are one word each). A counting loop: it runs on every letter the critic sees.
 */
export function countWords(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    const letter = code | 32;
    const word =
      code < 128 ? (code >= 48 && code <= 57) || (letter >= 97 && letter <= 122) : isWordChar(text, index);
    if (word) {
      if (!inWord) count++;
      inWord = true;
    } else if (inWord) inWord = continuesWord(code);
  }
  return count;
}

function continuesWord(code: number): boolean {
  // ' ’ . % $ & + / -
  return (
    code === 39 ||
    code === 0x2019 ||
    code === 46 ||
    code === 37 ||
    code === 36 ||
    code === 38 ||
    code === 43 ||
    code === 47 ||
    code === 45
  );
}

/** A greeting line ("Dear Ms. Chen,"), or the greeting at the start of a line that goes on ("Hi Dana, I ..."). */
function findGreeting(text: string, line: Line, greetings: readonly string[]): Span | null {
  const plain = stripMarkup(line.text);
  const isGreeting = greetings.some(
    (word) => plain === word || plain.startsWith(`${word} `) || plain.startsWith(`${word},`),
  );
  if (!isGreeting) return null;
  // A greeting is a short line ending in a comma or colon (or with nothing after the salutation).
  if (plain.length <= 80 && (/[,:]\s*$/.test(plain) || plain.split(/\s+/).length <= 5)) {
    return trimmed(text, line.start, line.end);
  }
  const comma = /^[^,:!?]{1,60}[,:]/.exec(line.text.trimStart());
  if (comma === null) return null;
  const start = line.start + (line.text.length - line.text.trimStart().length);
  return trimmed(text, start, start + comma[0].length);
}

const abbreviations =
  /(?:\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|inc|ltd|co|corp|jr|sr|st|no|approx|u\.s|fig)\.)$/i;

/** Sentences end at . ! ? followed by space and a capital/digit/quote, or at a line break inside a paragraph's list. */
function splitSentences(text: string, paragraph: Span, out: Span[]): void {
  let start = paragraph.start;
  const end = paragraph.end;
  for (let index = paragraph.start; index < end; index++) {
    // Char codes: . ! ? and newline; this loop visits every character of every letter.
    const code = text.charCodeAt(index);
    const isBreak = code === 0x0a;
    if (code === 0x2e || code === 0x21 || code === 0x3f || isBreak) {
      if (!isBreak) {
        if (index + 1 < end && !/\s/.test(text[index + 1] ?? '')) continue;
        const before = text.slice(Math.max(start, index - 8), index + 1);
        if (code === 0x2e && abbreviations.test(before)) continue;
        // A decimal like "3.5" was handled by the non-space check above.
      }
      const span = trimmed(text, start, isBreak ? index : index + 1);
      if (span !== null) out.push(span);
      start = index + 1;
    }
  }
  const rest = trimmed(text, start, end);
  if (rest !== null) out.push(rest);
}
