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

function buildPattern(term: string, options: { plural?: boolean; caseSensitive?: boolean }): RegExp {
  const body = escapeRegExp(term.trim()).replace(/\s+/g, '\\s+');
  const plural = options.plural === true && /\p{L}$/u.test(term) ? '(?:s|es)?' : '';
  const flags = options.caseSensitive === true ? 'gu' : 'giu';
  return new RegExp(`(?<!${letterOrDigit})${body}${plural}(?!${letterOrDigit})`, flags);
}

/** Lowercase, with the one context-dependent letter (final sigma) folded the way a case-insensitive pattern folds it. */
function fold(text: string): string {
  return text.toLowerCase().replace(/ς/g, 'σ');
}

const nonWord = /[^\p{L}\p{N}]+/u;

const wordSets = new Map<string, ReadonlySet<string>>();

/**
 * The distinct words of a text, folded. Callers alternate between the posting, its sentences, the letter and each
 * profile fact, so a few hundred recent texts are remembered rather than only the last one.
 */
function wordsOf(text: string): ReadonlySet<string> {
  let words = wordSets.get(text);
  if (words === undefined) {
    words = new Set(fold(text).split(nonWord));
    if (wordSets.size >= 512) wordSets.clear();
    wordSets.set(text, words);
  }
  return words;
}

/** A term's words, and whether its last word may take a plural ending (it ends in a letter or digit). */
interface TermWords {
  readonly words: readonly string[];
  readonly openEnd: boolean;
}

const termWords = new Map<string, TermWords>();

function wordsOfTerm(term: string): TermWords {
  let entry = termWords.get(term);
  if (entry === undefined) {
    const folded = fold(term);
    entry = {
      words: folded.split(nonWord).filter((word) => word !== ''),
      openEnd: /[\p{L}\p{N}]$/u.test(folded),
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
  const { words, openEnd } = wordsOfTerm(term);
  if (words.length === 0) return true;
  const present = wordsOf(text);
  const last = words.length - 1;
  for (let index = 0; index < last; index++) if (!present.has(words[index] as string)) return false;
  const word = words[last] as string;
  return present.has(word) || (openEnd && (present.has(`${word}s`) || present.has(`${word}es`)));
}

/** Every occurrence of `term` in `text`, in order. */
export function findTerm(text: string, term: string, options: { plural?: boolean } = {}): TermMatch[] {
  if (term.trim() === '' || !mightContain(text, term)) return [];
  const matches: TermMatch[] = [];
  for (const match of text.matchAll(termPattern(term, options))) {
    const start = match.index ?? 0;
    matches.push({ term, start, end: start + match[0].length });
  }
  return matches;
}

/** True when `term` occurs in `text` as a whole word or phrase, ignoring case. */
export function containsTerm(text: string, term: string): boolean {
  if (term.trim() === '' || !mightContain(text, term)) return false;
  return termPattern(term).test(text);
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
  const hits = new Set<number>(always);
  for (const word of wordsOf(text)) {
    const positions = byFirstWord.get(word);
    if (positions === undefined) continue;
    for (const position of positions) {
      if (!hits.has(position) && mightContain(text, terms[position] as string)) hits.add(position);
    }
  }
  return [...hits].sort((a, b) => a - b);
}
