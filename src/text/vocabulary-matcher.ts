import { memoOn } from './memo-on.js';
import { type Token, tokenIndexAt, tokenize, tokensOf } from './tokenize.js';

/** A list of named terms, each with its aliases (common.yaml's tools have this shape; this floor does not import playbooks). */
export type NamedTerms = readonly { readonly name: string; readonly aliases: readonly string[] }[];

/** A vocabulary term found in a text. `text` is the letter's own spelling; `term` the vocabulary entry it matched. */
export interface TermMatch {
  readonly term: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

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
 * The first word of every term of every compiled list, each with a number: a token that is none of them starts no
 * match, and a list finds its terms starting at a token by that number, with no string hashing per list.
 */
const firstWordIds = new Map<string, number>();

interface Candidates {
  /** The indices of the tokens that may start a term. */
  readonly positions: readonly number[];
  /** The first-word number of each of those tokens. */
  readonly ids: readonly number[];
}

// The tokens that may start a term, found once per text and vocabulary version (the number of first words only
// grows): each list then looks only at those.
function candidatesOf(tokens: readonly Token[]): Candidates {
  return memoOn(tokens, firstWordIds.size, () => {
    const positions: number[] = [];
    const ids: number[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const id = firstWordIds.get((tokens[index] as Token).lower);
      if (id === undefined) continue;
      positions.push(index);
      ids.push(id);
    }
    return { positions, ids };
  });
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

function compile(pairs: readonly (readonly [term: string, canonical: string])[]): TermMatcher {
  // The entries of this list by the number of their first word (a map: an array would be as long as the number of
  // first words of all lists, and lists are compiled per posting too).
  const byFirstWord = new Map<number, Entry[]>();
  let size = 0;
  for (const [term, canonical] of pairs) {
    for (const entry of entriesFor(term, canonical)) {
      const key = entry.lower[0] as string;
      let id = firstWordIds.get(key);
      if (id === undefined) {
        id = firstWordIds.size;
        firstWordIds.set(key, id);
      }
      const list = byFirstWord.get(id) ?? [];
      list.push(entry);
      byFirstWord.set(id, list);
      size++;
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.lower.length - a.lower.length);

  // The first token's lower-case form is already known to match: it chose the entry.
  const matchesAt = (entry: Entry, tokens: readonly Token[], at: number, to: number): boolean => {
    if (at + entry.lower.length > to) return false;
    if (entry.caseSensitive && (tokens[at] as Token).raw !== entry.raw[0]) return false;
    for (let offset = 1; offset < entry.lower.length; offset++) {
      const token = tokens[at + offset] as Token;
      if (token.lower !== entry.lower[offset]) return false;
      if (entry.caseSensitive && token.raw !== entry.raw[offset]) return false;
      if (token.hardBefore && !entry.hard[offset]) return false;
    }
    return true;
  };

  return {
    size,
    find(text, tokens, from = 0, to = tokens.length) {
      const found: TermMatch[] = [];
      const { positions, ids } = candidatesOf(tokens);
      let next = from;
      for (let position = lowerBound(positions, from); position < positions.length; position++) {
        const at = positions[position] as number;
        if (at >= to) break;
        // Matches never overlap: skip starts inside the last match.
        if (at < next) continue;
        const candidates = byFirstWord.get(ids[position] as number);
        if (candidates !== undefined) {
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
      }
      return found;
    },
  };
}

function isGlued(text: string, start: number, end: number): boolean {
  return /[&/+'’-]/.test(text[start - 1] ?? ' ') || /[&/+'’-]/.test(text[end] ?? ' ');
}

const listCache = new WeakMap<readonly string[], TermMatcher>();

/** The matcher for one word list, compiled once per list object (a playbook's list lives as long as the playbook). */
export function termMatcher(terms: readonly string[]): TermMatcher {
  let matcher = listCache.get(terms);
  if (matcher === undefined) {
    matcher = compile(terms.map((term) => [term, term] as const));
    listCache.set(terms, matcher);
  }
  return matcher;
}

const toolCache = new WeakMap<NamedTerms, TermMatcher>();

/** The matcher for common.yaml's tools: a name or any alias matches, reported under the tool's name. */
export function toolMatcher(tools: NamedTerms): TermMatcher {
  let matcher = toolCache.get(tools);
  if (matcher === undefined) {
    matcher = compile(
      tools.flatMap((tool) => [tool.name, ...tool.aliases].map((term) => [term, tool.name] as const)),
    );
    toolCache.set(tools, matcher);
  }
  return matcher;
}

const anyCaseCache = new WeakMap<NamedTerms, TermMatcher>();

/** Like toolMatcher, but ignoring case: for text that is not the letter, such as a profile's lowercase words. */
export function anyCaseToolMatcher(tools: NamedTerms): TermMatcher {
  let matcher = anyCaseCache.get(tools);
  if (matcher === undefined) {
    matcher = compile(
      tools.flatMap((tool) =>
        [tool.name, ...tool.aliases].map((term) => [term.toLowerCase(), tool.name] as const),
      ),
    );
    anyCaseCache.set(tools, matcher);
  }
  return matcher;
}

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
