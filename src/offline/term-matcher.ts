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

const foldedTexts = new Map<string, string>();

/**
 * The text lowercased with whitespace runs folded to one space. Callers alternate between the posting, the letter
 * and each profile fact, so a few hundred recent texts are remembered rather than only the last one.
 */
export function foldedText(text: string): string {
  let folded = foldedTexts.get(text);
  if (folded === undefined) {
    folded = text.toLowerCase().replace(/\s+/g, ' ');
    if (foldedTexts.size >= 512) foldedTexts.clear();
    foldedTexts.set(text, folded);
  }
  return folded;
}

/** A cheap test that rules a term out before any regular expression runs: most terms are not in most texts. */
const foldedTerms = new Map<string, string>();

export function mightContain(text: string, term: string): boolean {
  let folded = foldedTerms.get(term);
  if (folded === undefined) {
    folded = term.toLowerCase().replace(/\s+/g, ' ').trim();
    if (foldedTerms.size < 10_000) foldedTerms.set(term, folded);
  }
  return foldedText(text).includes(folded);
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
