import { memoOn, memoRecent, memoWeak } from './memo.js';
import { type Token, tokenIndexAt, tokenize, tokensOf } from './tokenize.js';
import { foldCase, wordCharWidth } from './words.js';

/** A list of named terms, each with its aliases (common.yaml's tools have this shape; this floor does not import playbooks). */
export type NamedTerms = readonly { readonly name: string; readonly aliases: readonly string[] }[];

/**
 * Finding the terms of a word list in a text: the one term matcher of lede. It reads a text in one of two ways, and
 * each caller keeps the way its results were tuned on:
 *
 * - **Word by word** (`termMatcher`, `toolMatcher`, `findTermsIn`, `findInBody`): over the text's tokens, as a person
 *   reads a letter. Hyphens and spaces are alike, a term never spans punctuation, a capitalized name or short acronym
 *   ("Spark", "Go", "SHAP") matches only with its capitals, a plain plural counts, and the longest term wins. The
 *   critic, the profile index and the posting's tool choices read this way.
 * - **As a search** (`findTerm`, `containsTerm`, `termsMaybeIn`): the term's own characters in any case, bounded by
 *   non-word characters, any run of whitespace for a space, "s" or "es" on request; exactly what `termPattern` finds,
 *   found faster. The posting readers and the offline drafter read this way.
 *
 * Both share the one definition of a word and of case folding (`words.ts`) and index a list by its terms' first words,
 * so a text is checked only against the terms it could hold.
 */

/** A term found in a text. `text` is the text's own spelling; `term` the list entry it matched. */
export interface TermMatch {
  readonly term: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A term found by a search: where it is and what it matched. */
export type SearchMatch = Omit<TermMatch, 'text'>;

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------------
// Word by word
// ---------------------------------------------------------------------------------------------------------------

interface Entry {
  readonly term: string;
  readonly lower: readonly string[];
  readonly raw: readonly string[];
  /** Whether punctuation may separate token k-1 and token k (only where the term itself has it, as in "401(k)"). */
  readonly hard: readonly boolean[];
  readonly caseSensitive: boolean;
}

/** Finds the terms of one word list in tokenized text: longest match first, never across punctuation. */
export interface TermMatcher {
  readonly size: number;
  find(text: string, tokens: readonly Token[], from?: number, to?: number): TermMatch[];
}

// A single capitalized word or a short acronym ("Spark", "Go", "Great Expectations", "SHAP") is matched with its case,
// so the English words "spark", "go" or "great expectations" do not count as tools.
function isCaseSensitive(term: string): boolean {
  const words = term.match(/\p{L}+/gu) ?? [];
  return (
    words.length > 0 && words.every((word) => /^\p{Lu}\p{Ll}*$/u.test(word) || /^\p{Lu}{1,4}$/u.test(word))
  );
}

function entriesFor(term: string, canonical: string): Entry[] {
  const tokens = tokenize(term);
  if (tokens.length === 0) return [];
  const caseSensitive = isCaseSensitive(term);
  const base: Entry = {
    term: canonical,
    lower: tokens.map((token) => token.lower),
    raw: tokens.map((token) => token.raw),
    hard: tokens.map((token, index) => index > 0 && token.hardBefore),
    caseSensitive,
  };
  const last = base.lower[base.lower.length - 1] ?? '';
  if (caseSensitive || !/^\p{L}{3,}$/u.test(last) || last.endsWith('s')) return [base];
  // Plurals: "pipeline" also finds "pipelines".
  const plural = [...base.lower.slice(0, -1), `${last}s`];
  return [base, { ...base, lower: plural, raw: plural }];
}

/**
 * Numbers for the first words of the compiled lists: a token that is none of them starts no match, and a list finds
 * its terms at a token by that number, with no string hashing per list. Lists are compiled per posting too (company
 * names, a posting's own tool spellings), so the table is bounded: when full it starts again, and every list numbers
 * its first words again the next time it is used. `version` changes whenever a number is given out.
 */
const firstWords = { ids: new Map<string, number>(), generation: 0, version: 0 };
const firstWordLimit = 20_000;

/** The numbers of a list's first words, for the table's current generation. */
function numberFirstWords(words: readonly string[]): number[] {
  if (firstWords.ids.size + words.length > firstWordLimit) {
    firstWords.ids = new Map();
    firstWords.generation++;
    firstWords.version++;
  }
  return words.map((word) => {
    let id = firstWords.ids.get(word);
    if (id === undefined) {
      id = firstWords.ids.size;
      firstWords.ids.set(word, id);
      firstWords.version++;
    }
    return id;
  });
}

interface Candidates {
  readonly version: number;
  /** The indices of the tokens that may start a term. */
  readonly positions: readonly number[];
  /** The first-word number of each of those tokens. */
  readonly ids: readonly number[];
}

const candidatesKey = Symbol('term-candidates');

// The tokens that may start a term, found once per text and version of the first-word table: each list then looks
// only at those. Only the latest are kept: the version only moves on.
function candidatesOf(tokens: readonly Token[]): Candidates {
  const latest = memoOn(tokens, candidatesKey, () => ({ candidates: null as Candidates | null }));
  if (latest.candidates?.version === firstWords.version) return latest.candidates;
  const positions: number[] = [];
  const ids: number[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const id = firstWords.ids.get((tokens[index] as Token).lower);
    if (id === undefined) continue;
    positions.push(index);
    ids.push(id);
  }
  latest.candidates = { version: firstWords.version, positions, ids };
  return latest.candidates;
}

function lowerBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The first token's lower-case form is already known to match: it chose the entry.
function matchesAt(entry: Entry, tokens: readonly Token[], at: number, to: number): boolean {
  if (at + entry.lower.length > to) return false;
  if (entry.caseSensitive && (tokens[at] as Token).raw !== entry.raw[0]) return false;
  for (let offset = 1; offset < entry.lower.length; offset++) {
    const token = tokens[at + offset] as Token;
    if (token.lower !== entry.lower[offset]) return false;
    if (entry.caseSensitive && token.raw !== entry.raw[offset]) return false;
    if (token.hardBefore && !entry.hard[offset]) return false;
  }
  return true;
}

function isGlued(text: string, start: number, end: number): boolean {
  return /[&/+'’-]/.test(text[start - 1] ?? ' ') || /[&/+'’-]/.test(text[end] ?? ' ');
}

function compile(pairs: readonly (readonly [term: string, canonical: string])[]): TermMatcher {
  const entries = pairs.flatMap(([term, canonical]) => entriesFor(term, canonical));
  const firstWordsOfEntries = entries.map((entry) => entry.lower[0] as string);
  // The entries by the number of their first word (a map: an array would be as long as the number of first words of
  // all lists, and lists are compiled per posting too), numbered again when the table starts a new generation.
  let generation = -1;
  let byFirstWord = new Map<number, Entry[]>();
  const numbered = (): Map<number, Entry[]> => {
    if (generation === firstWords.generation) return byFirstWord;
    const ids = numberFirstWords(firstWordsOfEntries);
    generation = firstWords.generation;
    byFirstWord = new Map();
    entries.forEach((entry, index) => {
      const id = ids[index] as number;
      const list = byFirstWord.get(id) ?? [];
      list.push(entry);
      byFirstWord.set(id, list);
    });
    for (const list of byFirstWord.values()) list.sort((a, b) => b.lower.length - a.lower.length);
    return byFirstWord;
  };
  numbered();

  return {
    size: entries.length,
    find(text, tokens, from = 0, to = tokens.length) {
      const found: TermMatch[] = [];
      const lists = numbered();
      const { positions, ids } = candidatesOf(tokens);
      let next = from;
      for (let position = lowerBound(positions, from); position < positions.length; position++) {
        const at = positions[position] as number;
        if (at >= to) break;
        // Matches never overlap: skip starts inside the last match.
        if (at < next) continue;
        const candidates = lists.get(ids[position] as number);
        if (candidates === undefined) continue;
        for (const entry of candidates) {
          if (!matchesAt(entry, tokens, at, to)) continue;
          const first = tokens[at] as Token;
          const last = tokens[at + entry.lower.length - 1] as Token;
          // A one- or two-letter term ("R", "Go") is not the R of "R&D" or the Go of "Go-to-market".
          if (last.end - first.start <= 2 && isGlued(text, first.start, last.end)) continue;
          found.push({
            term: entry.term,
            text: text.slice(first.start, last.end),
            start: first.start,
            end: last.end,
          });
          next = at + entry.lower.length;
          break;
        }
      }
      return found;
    },
  };
}

/** The matcher for one word list, compiled once per list object (a playbook's list lives as long as the playbook). */
export const termMatcher: (terms: readonly string[]) => TermMatcher = memoWeak((terms) =>
  compile(terms.map((term) => [term, term] as const)),
);

/** The matcher for one term given as a string (a company's name, a posting's own spelling of a tool). */
export const phraseMatcher: (term: string) => TermMatcher = memoRecent(256, (term) =>
  compile([[term, term]]),
);

/** The matcher for common.yaml's tools: a name or any alias matches, reported under the tool's name. */
export const toolMatcher: (tools: NamedTerms) => TermMatcher = memoWeak((tools) =>
  compile(tools.flatMap((tool) => [tool.name, ...tool.aliases].map((term) => [term, tool.name] as const))),
);

/** Like toolMatcher, but ignoring case: for text that is not the letter, such as a profile's lowercase words. */
export const anyCaseToolMatcher: (tools: NamedTerms) => TermMatcher = memoWeak((tools) =>
  compile(
    tools.flatMap((tool) =>
      [tool.name, ...tool.aliases].map((term) => [term.toLowerCase(), tool.name] as const),
    ),
  ),
);

export { tokenIndexAt };

/** Matches of a matcher inside `[start, end)` of the text. */
export function findTermsIn(
  text: string,
  tokens: readonly Token[],
  matcher: TermMatcher,
  start = 0,
  end = text.length,
): TermMatch[] {
  const from = tokenIndexAt(tokens, start);
  let to = tokenIndexAt(tokens, end);
  // A token straddling `end` is not inside the span.
  while (to > from && (tokens[to - 1] as Token).end > end) to--;
  return matcher.find(text, tokens, from, to);
}

/** Matches of a matcher in the letter's body (greeting to sign-off), found once per letter and matcher. */
export function bodyMatches(
  letter: { readonly text: string; readonly body: { readonly start: number; readonly end: number } },
  matcher: TermMatcher,
): TermMatch[] {
  return memoOn(letter, matcher, () =>
    findTermsIn(letter.text, tokensOf(letter), matcher, letter.body.start, letter.body.end),
  );
}

/** Matches of a word list in the letter's body. */
export function findInBody(
  letter: { readonly text: string; readonly body: { readonly start: number; readonly end: number } },
  terms: readonly string[],
): TermMatch[] {
  return bodyMatches(letter, termMatcher(terms));
}

// ---------------------------------------------------------------------------------------------------------------
// As a search
// ---------------------------------------------------------------------------------------------------------------

const letterOrDigit = '[\\p{L}\\p{N}]';

function buildPattern(
  term: string,
  options: { plural?: boolean; caseSensitive?: boolean; sticky?: boolean },
): RegExp {
  const body = escapeRegExp(term.trim()).replace(/\s+/g, '\\s+');
  const plural = options.plural === true && /\p{L}$/u.test(term.trim()) ? '(?:s|es)?' : '';
  const flags = `${options.caseSensitive === true ? 'gu' : 'giu'}${options.sticky === true ? 'y' : ''}`;
  return new RegExp(`(?<!${letterOrDigit})${body}${plural}(?!${letterOrDigit})`, flags);
}

// Postings are matched against the same few hundred terms over and over: each pattern is compiled once.
const patterns = memoRecent(2500, (key: string) =>
  buildPattern(key.slice(2), { plural: key[0] === 'p', caseSensitive: key[1] === 'c' }),
);

/**
 * A case-insensitive, word-bounded pattern for a term: "bank" matches "Bank" and, with `plural`, "banks", but never
 * "embankment". Spaces in the term match any run of whitespace, so terms survive line wrapping.
 */
export function termPattern(
  term: string,
  options: { plural?: boolean; caseSensitive?: boolean } = {},
): RegExp {
  const pattern = patterns(
    `${options.plural === true ? 'p' : '-'}${options.caseSensitive === true ? 'c' : '-'}${term}`,
  );
  pattern.lastIndex = 0;
  return pattern;
}

const nonWord = /[^\p{L}\p{N}]+/u;

/** Where each distinct word of a text starts, folded; `exact` is false when folding changed the text's length. */
interface TextWords {
  readonly folded: string;
  readonly starts: ReadonlyMap<string, readonly number[]>;
  /** Whether the offsets index the text itself (folding kept every character in place). */
  readonly exact: boolean;
}

/**
 * The words of a text, folded, with where each starts. Callers alternate between the posting, its sentences, the
 * letter and each profile fact, so a few hundred recent texts are remembered rather than only the last one.
 */
const wordsOf = memoRecent(256, (text: string): TextWords => {
  const folded = foldCase(text);
  const starts = new Map<string, number[]>();
  // A hand-written scan: a regular expression's match objects cost more than the words themselves.
  let index = 0;
  while (index < folded.length) {
    const width = wordCharWidth(folded, index);
    if (width === 0) {
      index++;
      continue;
    }
    let end = index + width;
    for (let next = wordCharWidth(folded, end); next > 0; next = wordCharWidth(folded, end)) end += next;
    const found = folded.slice(index, end);
    const at = starts.get(found);
    if (at === undefined) starts.set(found, [index]);
    else at.push(index);
    index = end;
  }
  return { folded, starts, exact: folded.length === text.length };
});

/** What the search needs to know about a term, worked out once per term. */
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

const wordsOfTerm = memoRecent(5000, (term: string): TermWords => {
  const folded = foldCase(term.trim());
  // A term whose folding changes its length ("ß" becomes "ss") is never ruled out: only its pattern can tell.
  const words =
    folded.length === term.trim().length ? folded.split(nonWord).filter((word) => word !== '') : [];
  const openEnd = /[\p{L}\p{N}]$/u.test(folded);
  const last = words[words.length - 1];
  return {
    words,
    openEnd,
    plurals: openEnd && last !== undefined ? [`${last}s`, `${last}es`] : [],
    leadingWord: words[0] !== undefined && folded.startsWith(words[0]),
    plain: words.length > 0 && /^[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)*$/u.test(folded),
    endsWithLetter: /\p{L}$/u.test(folded),
    sticky: new Map(),
  };
});

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
    if (folded.startsWith(ending, at) && wordCharWidth(folded, at + ending.length) === 0)
      return at + ending.length;
  }
  return -1;
}

/** Every occurrence of `term` in `text`, in order. */
export function findTerm(text: string, term: string, options: { plural?: boolean } = {}): SearchMatch[] {
  const entry = wordsOfTerm(term);
  if ((entry.words.length === 0 && term.trim() === '') || !mightContain(text, term)) return [];
  const matches: SearchMatch[] = [];
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

const indexOf = memoWeak((terms: readonly string[]): TermIndex => {
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
  return { byFirstWord, always };
});

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
