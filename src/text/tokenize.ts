import { memoOn } from './memo.js';
import { isAsciiWordCode, wordCharWidth } from './words.js';

/** One word or symbol of a text, with its place in it. */
export interface Token {
  /** As written. */
  readonly raw: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** True when punctuation (or a blank line) separates it from the token before: a phrase never spans it. */
  readonly hardBefore: boolean;
}

function isSymbol(code: number): boolean {
  // + & / #
  return code === 43 || code === 38 || code === 47 || code === 35;
}

function isHardGap(text: string, start: number, end: number): boolean {
  let newlines = 0;
  for (let index = start; index < end; index++) {
    // Char codes, not one-character strings: this loop runs between every two tokens of every letter.
    switch (text.charCodeAt(index)) {
      case 0x2e: // .
      case 0x2c: // ,
      case 0x3b: // ;
      case 0x3a: // :
      case 0x21: // !
      case 0x3f: // ?
      case 0x28: // (
      case 0x29: // )
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
      case 0x22: // "
      case 0x201c: // “
      case 0x201d: // ”
      case 0x2026: // …
      case 0x7c: // |
      case 0x2022: // •
        return true;
      case 0x0a:
        if (++newlines === 2) return true;
        break;
      case 0x20:
      case 0x09:
      case 0x0d:
        break;
      default:
        newlines = 0;
    }
  }
  return false;
}

/**
 * Splits text into tokens; offsets index the original text. Words are runs of letters and digits that keep inner
 * dots ("Node.js", "0.78", "e.g"); the symbols + & / # are tokens of their own ("C++", "W&B", "A/B").
 */
// A hand-written scanner: the critic tokenizes every letter once and must stay fast (thousands of letters a second).
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    let end: number;
    // Most words are plain lower-case ASCII; for those, the word is its own lower-case form.
    let plain = code >= 97 && code <= 122;
    const width = code < 128 ? (isAsciiWordCode(code) ? 1 : 0) : wordCharWidth(text, index);
    if (isSymbol(code)) end = index + 1;
    else if (width > 0) {
      end = index + width;
      for (;;) {
        for (;;) {
          if (end >= length) break;
          const next = text.charCodeAt(end);
          if (next < 128) {
            if (!isAsciiWordCode(next)) break;
            if (next <= 90 && next >= 65) plain = false;
            end++;
          } else {
            const nextWidth = wordCharWidth(text, end);
            if (nextWidth === 0) break;
            plain = false;
            end += nextWidth;
          }
        }
        if (end + 1 < length && text.charCodeAt(end) === 46) {
          const afterWidth = wordCharWidth(text, end + 1);
          if (afterWidth === 0) break;
          const after = text.charCodeAt(end + 1);
          if (!((after >= 97 && after <= 122) || (after >= 48 && after <= 57))) plain = false;
          end += 1 + afterWidth;
        } else break;
      }
    } else {
      index++;
      continue;
    }
    const raw = text.slice(index, end);
    tokens.push({
      raw,
      lower: plain ? raw : raw.toLowerCase(),
      start: index,
      end,
      hardBefore: tokens.length === 0 || isHardGap(text, previousEnd, index),
    });
    previousEnd = end;
    index = end;
  }
  return tokens;
}

const tokensKey = Symbol('tokens');

/** The tokens of a letter, computed once per letter object (rules share them). */
export function tokensOf(letter: { readonly text: string }): Token[] {
  return memoOn(letter, tokensKey, () => tokenize(letter.text));
}

const secondPerson = new Set(['you', 'your', 'yours']);

/** Whether `[start, end)` of the letter speaks to the reader ("you", "your", "yours"). */
export function addressesReader(letter: { readonly text: string }, start: number, end: number): boolean {
  const tokens = tokensOf(letter);
  for (let index = tokenIndexAt(tokens, start); index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.start >= end) return false;
    if (secondPerson.has(token.lower)) return true;
  }
  return false;
}

/** The first token index whose start is at or after `offset` (tokens are sorted by offset). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((tokens[middle] as Token).start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether a span of the letter is about the hiring company: it names it or speaks to the reader as "you". */
export function aboutTheCompany(
  letter: { readonly text: string },
  span: { readonly text: string; readonly start: number; readonly end: number },
  companies: readonly string[],
): boolean {
  return companies.some((name) => span.text.includes(name)) || addressesReader(letter, span.start, span.end);
}
