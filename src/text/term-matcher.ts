/** A match of a term in a text: where it is and what it matched. */
export interface TermMatch {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const letterOrDigit = '[\\p{L}\\p{N}]';

/**
 * A case-insensitive, word-bounded pattern for a term: "bank" matches "Bank" and, with `plural`, "banks", but never
 * "embankment". Spaces in the term match any run of whitespace, so terms survive line wrapping.
 */
export function termPattern(
  term: string,
  options: { plural?: boolean; caseSensitive?: boolean } = {},
): RegExp {
  const key = `${options.plural === true ? 'p' : '-'}${options.caseSensitive === true ? 'c' : '-'}${term}`;
  const cached = patternCache.get(key);
  if (cached !== undefined) {
    cached.lastIndex = 0;
    return cached;
  }
  const pattern = buildPattern(term, options);
  // Postings are matched against the same few hundred terms over and over; compile each once.
  if (patternCache.size < 5000) patternCache.set(key, pattern);
  return pattern;
}

const patternCache = new Map<string, RegExp>();

function buildPattern(
  term: string,
  options: { plural?: boolean; caseSensitive?: boolean; sticky?: boolean },
): RegExp {
  const body = escapeRegExp(term.trim()).replace(/\s+/g, '\\s+');
  const plural = options.plural === true && /\p{L}$/u.test(term.trim()) ? '(?:s|es)?' : '';
  const flags = `${options.caseSensitive === true ? 'gu' : 'giu'}${options.sticky === true ? 'y' : ''}`;
  return new RegExp(`(?<!${letterOrDigit})${body}${plural}(?!${letterOrDigit})`, flags);
}

/**
 * Folds case the way a case-insensitive pattern does: upper then lower case sends the letters with more than one lower
 * form (long s, the Greek symbol variants) to one, and final sigma goes to sigma. Where folding changes a text's
 * length (ß, dotted capital I), matching falls back to a scan of the whole text.
 */
function fold(text: string): string {
  return text.toUpperCase().toLowerCase().replace(/ς/g, 'σ');
}

const nonWord = /[^\p{L}\p{N}]+/u;
const letterOrDigitChar = /^[\p{L}\p{N}]$/u;

/** How many code units the letter or digit at `index` takes (2 for one outside the BMP), or 0 for any other. */
function wordCharAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) ? 1 : 0;
  const point = text.codePointAt(index) as number;
  const width = point > 0xffff ? 2 : 1;
  return letterOrDigitChar.test(text.slice(index, index + width)) ? width : 0;
}

/** Where each distinct word of a text starts, folded; `exact` is false when folding changed the text's length. */
interface TextWords {
  readonly folded: string;
  readonly starts: ReadonlyMap<string, readonly number[]>;
  /** Whether the offsets index the text itself (folding kept every character in place). */
  readonly exact: boolean;
}

const textWords = new Map<string, TextWords>();

/**
 * The words of a text, folded, with where each starts. Callers alternate between the posting, its sentences, the
 * letter and each profile fact, so a few hundred recent texts are remembered rather than only the last one.
 */
function wordsOf(text: string): TextWords {
  let words = textWords.get(text);
  if (words === undefined) {
    const folded = fold(text);
    const starts = new Map<string, number[]>();
    // A hand-written scan: a regular expression's match objects cost more than the words themselves.
    let index = 0;
    while (index < folded.length) {
      const width = wordCharAt(folded, index);
      if (width === 0) {
        index++;
        continue;
      }
      let end = index + width;
      for (let next = wordCharAt(folded, end); next > 0; next = wordCharAt(folded, end)) end += next;
      const found = folded.slice(index, end);
      const at = starts.get(found);
      if (at === undefined) starts.set(found, [index]);
      else at.push(index);
      index = end;
    }
    words = { folded, starts, exact: folded.length === text.length };
    if (textWords.size >= 512) textWords.clear();
    textWords.set(text, words);
  }
  return words;
}

/** What the matcher needs to know about a term, worked out once per term. */
interface TermWords {
  readonly words: readonly string[];
  /** The last word ends the term in a letter or digit, so it may take a plural ending. */
  readonly openEnd: boolean;
  /** The last word with each plural ending, when `openEnd`. */
  readonly plurals: readonly string[];
  /** The term is only words and spaces ("feature store"): it can be matched word by word, with no pattern. */
  readonly plain: boolean;
  /** The term ends in a letter, so a plural pattern lets it take "s" or "es". */
  readonly endsWithLetter: boolean;
  /** The term starts with its first word (not with a symbol, as ".NET" does). */
  readonly leadingWord: boolean;
  /** The pattern, sticky, with and without plural endings: tried at given offsets. */
  readonly sticky: Map<boolean, RegExp>;
}

const termWords = new Map<string, TermWords>();

function wordsOfTerm(term: string): TermWords {
  let entry = termWords.get(term);
  if (entry === undefined) {
    const folded = fold(term.trim());
    // A term whose folding changes its length ("ß" becomes "ss") is never ruled out: only its pattern can tell.
    const words =
      folded.length === term.trim().length ? folded.split(nonWord).filter((word) => word !== '') : [];
    const openEnd = /[\p{L}\p{N}]$/u.test(folded);
    const last = words[words.length - 1];
    entry = {
      words,
      openEnd,
      plurals: openEnd && last !== undefined ? [`${last}s`, `${last}es`] : [],
      leadingWord: words[0] !== undefined && folded.startsWith(words[0]),
      plain: words.length > 0 && /^[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)*$/u.test(folded),
      endsWithLetter: /\p{L}$/u.test(folded),
      sticky: new Map(),
    };
    if (termWords.size < 10_000) termWords.set(term, entry);
  }
  return entry;
}

/**
 * A cheap test that rules a term out before any regular expression runs: most terms are not in most texts. Every
 * pattern here is bounded by non-word characters, so each word of a matched term is a whole word of the text; only
 * the last may carry a plural ending. A term with no word at all ("&") is never ruled out.
 */
export function mightContain(text: string, term: string): boolean {
  const { words, plurals } = wordsOfTerm(term);
  if (words.length === 0) return true;
  const { starts: present, exact } = wordsOf(text);
  // Folding changed the text's length ("ß" became "ss"): its words may not be the pattern's.
  if (!exact) return true;
  const last = words.length - 1;
  for (let index = 0; index < last; index++) if (!present.has(words[index] as string)) return false;
  return present.has(words[last] as string) || plurals.some((plural) => present.has(plural));
}

/**
 * Where a match of `term` can start: the offsets of its first word in the text (every match starts a word, since
 * patterns are bounded), ascending. Null when only a scan of the whole text can tell: the term starts with a symbol
 * (".NET"), or folding moved the text's characters.
 */
function startsOf(text: string, entry: TermWords): readonly number[] | null {
  const first = entry.words[0];
  const { starts, exact } = wordsOf(text);
  if (first === undefined || !exact || !entry.leadingWord) return null;
  const offsets = starts.get(first) ?? [];
  if (entry.words.length > 1 || entry.plurals.length === 0) return offsets;
  const plural = entry.plurals.flatMap((form) => starts.get(form) ?? []);
  return plural.length === 0 ? offsets : [...offsets, ...plural].sort((a, b) => a - b);
}

/**
 * Where a match of `term` can start in `text`, ascending, for a pattern bounded by non-word characters at its start;
 * null when only a scan of the whole text can tell.
 */
export function wordStartsOf(text: string, term: string): readonly number[] | null {
  return startsOf(text, wordsOfTerm(term));
}

function stickyPattern(term: string, entry: TermWords, plural: boolean): RegExp {
  let pattern = entry.sticky.get(plural);
  if (pattern === undefined) {
    pattern = buildPattern(term, { plural, sticky: true });
    entry.sticky.set(plural, pattern);
  }
  return pattern;
}

const space = /^\s$/u;

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return space.test(text[index] as string);
}

/**
 * Where a plain term's match that starts at `start` of the folded text ends, or -1: its words in order, whitespace
 * between them, the plural endings a plural pattern allows (tried as the pattern tries them: "s", then "es", then
 * none), and no letter or digit after. The same answer as the term's pattern, without running one.
 */
function plainMatchEnd(folded: string, start: number, entry: TermWords, plural: boolean): number {
  let at = start;
  const { words } = entry;
  for (let index = 0; index < words.length; index++) {
    if (index > 0) {
      const gap = at;
      while (at < folded.length && isSpaceAt(folded, at)) at++;
      if (at === gap) return -1;
    }
    const word = words[index] as string;
    if (!folded.startsWith(word, at)) return -1;
    at += word.length;
  }
  const endings = plural && entry.endsWithLetter ? ['s', 'es', ''] : [''];
  for (const ending of endings) {
    if (folded.startsWith(ending, at) && wordCharAt(folded, at + ending.length) === 0)
      return at + ending.length;
  }
  return -1;
}

/** Every occurrence of `term` in `text`, in order. */
export function findTerm(text: string, term: string, options: { plural?: boolean } = {}): TermMatch[] {
  const entry = wordsOfTerm(term);
  if ((entry.words.length === 0 && term.trim() === '') || !mightContain(text, term)) return [];
  const matches: TermMatch[] = [];
  const starts = startsOf(text, entry);
  if (starts === null) {
    for (const match of text.matchAll(termPattern(term, options))) {
      const start = match.index ?? 0;
      matches.push({ term, start, end: start + match[0].length });
    }
    return matches;
  }
  // Only where the term's first word is, as a scan would: left to right, never overlapping.
  const plural = options.plural === true;
  const { folded } = wordsOf(text);
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    let found = -1;
    if (entry.plain) found = plainMatchEnd(folded, start, entry, plural);
    else {
      const pattern = stickyPattern(term, entry, plural);
      pattern.lastIndex = start;
      const match = pattern.exec(text);
      if (match !== null) found = start + match[0].length;
    }
    if (found === -1) continue;
    end = found;
    matches.push({ term, start, end });
  }
  return matches;
}

/** True when `term` occurs in `text` as a whole word or phrase, ignoring case. */
export function containsTerm(text: string, term: string): boolean {
  return findTerm(text, term).length > 0;
}

/** A list of terms indexed by their first word, so a text is checked against only the terms it could hold. */
interface TermIndex {
  readonly byFirstWord: ReadonlyMap<string, readonly number[]>;
  /** Terms with no word at all: never ruled out. */
  readonly always: readonly number[];
}

const termIndexes = new WeakMap<readonly string[], TermIndex>();

function indexOf(terms: readonly string[]): TermIndex {
  let index = termIndexes.get(terms);
  if (index === undefined) {
    const byFirstWord = new Map<string, number[]>();
    const always: number[] = [];
    terms.forEach((term, position) => {
      const { words, openEnd } = wordsOfTerm(term);
      const first = words[0];
      if (first === undefined) {
        always.push(position);
        return;
      }
      // A one-word term may appear in its plural: "banks" may be "bank".
      const keys = words.length === 1 && openEnd ? [first, `${first}s`, `${first}es`] : [first];
      for (const key of keys) byFirstWord.set(key, [...(byFirstWord.get(key) ?? []), position]);
    });
    index = { byFirstWord, always };
    termIndexes.set(terms, index);
  }
  return index;
}

/**
 * The terms of `terms` that may occur in `text`, in list order: every term `findTerm` would find is among them.
 * Walks the text's words rather than the list, so a vocabulary of hundreds costs what the text's few dozen words
 * cost. The index is kept per list, so pass the same array each time.
 */
export function termsMaybeIn(text: string, terms: readonly string[]): string[] {
  return positionsMaybeIn(text, terms).map((position) => terms[position] as string);
}

/** Where in `terms` the terms that may occur in `text` sit, ascending (see `termsMaybeIn`). */
export function positionsMaybeIn(text: string, terms: readonly string[]): number[] {
  const { byFirstWord, always } = indexOf(terms);
  const { starts: present, exact } = wordsOf(text);
  if (!exact) return terms.map((_, position) => position);
  const hits = new Set<number>(always);
  const consider = (positions: readonly number[]) => {
    for (const position of positions) {
      if (!hits.has(position) && mightContain(text, terms[position] as string)) hits.add(position);
    }
  };
  // Walk whichever side is smaller: a long posting against a short list, or a short clause against a vocabulary.
  if (present.size <= byFirstWord.size) {
    for (const word of present.keys()) {
      const positions = byFirstWord.get(word);
      if (positions !== undefined) consider(positions);
    }
  } else {
    for (const [word, positions] of byFirstWord) if (present.has(word)) consider(positions);
  }
  return [...hits].sort((a, b) => a - b);
}
