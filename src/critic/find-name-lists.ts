import { memoWeak } from '../text/memo.js';
import type { NamedTerms } from '../text/vocabulary-matcher.js';
import type { LetterAnatomy, Span } from './letter-anatomy.js';

/** One name in a list, as offsets into the letter, and the tool it names when the vocabulary knows it. */
export interface ListItem extends Span {
  /** The canonical tool name, or null for a name the vocabulary does not hold. */
  readonly tool: string | null;
  /** Written the way software names are: a dot, #, + or digit in it, inner capitals, or a short acronym. */
  readonly shaped: boolean;
}

/** Three or more names strung together with commas, slashes, "and" or "or". */
export interface NameList {
  readonly items: readonly ListItem[];
  /** The sentence the list sits in. */
  readonly sentence: Span;
}

// Between two items: a comma (optionally with "and"/"or"), a slash, or "and", "or", "&", "plus", "as well as".
// ASCII classes and no u flag where the text allows: this runs on every sentence of every letter.
const separator = /\s*,\s*(?:(?:and|or|&)\s+)?|\s*\/\s*|\s+(?:and|or|&|plus|as well as)\s+/gi;
const separatorHint = /[,/&]|\b(?:and|or|plus)\b/g;
// A name-like word other than "I": a capital or digit starting a word, an inner capital, or a dot, # or + in a word.
const nameHint = /(?:^|[\s,/(])(?!I\b)[A-Z0-9À-Þ]|[a-z][A-Z]|[.#+][A-Za-z]/g;
const wordPattern = /[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ.#+_'’-]*[A-Za-z0-9À-ÿ#+]|[A-Za-z0-9À-ÿ]/g;
// Nouns that may close a name without being one: "Azure technologies", "Firebase Hosting".
const trailingNouns = new Set([
  'technologies',
  'technology',
  'services',
  'service',
  'stack',
  'tools',
  'platform',
]);
const maxWords = 3;

interface Word {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

const shapedWord = (word: string): boolean => /[.#+\d]|^[A-Z]{2,6}$|[a-z][A-Z]/.test(word);

function wordsOf(text: string, offset: number): Word[] {
  const words: Word[] = [];
  wordPattern.lastIndex = 0;
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text))
    words.push({ raw: match[0], start: offset + match.index, end: offset + match.index + match[0].length });
  return words;
}

/** Lowercased tool names and aliases to the canonical name, for telling a known tool from a capitalized word. */
export const toolNames = memoWeak((tools: NamedTerms): ReadonlyMap<string, string> => {
  const names = new Map<string, string>();
  for (const tool of tools)
    for (const name of [tool.name, ...tool.aliases]) names.set(name.toLowerCase(), tool.name);
  return names;
});

/**
 * Finds the lists of names in the body's sentences: three or more items, each a name of at most three words (a
 * capitalized or software-shaped word, or a tool the vocabulary knows), joined by list separators. The first item
 * may close a clause ("proficient in React") and the last may open one ("MongoDB along with ..."). Whether a list is
 * a list of tools is the caller's to judge from `tool` and `shaped`.
 */
export function findNameLists(
  letter: LetterAnatomy,
  tools: ReadonlyMap<string, string>,
  mayHold: (sentence: Span) => boolean = () => true,
  lowercaseNames: (sentence: Span) => number = () => 0,
): NameList[] {
  // "I" is capitalized but never a name: "using Docker and Kubernetes, I am ..." lists two tools, not three.
  const nameLike = (word: string): boolean =>
    word !== 'I' && (/^[A-Z0-9À-Þ]/.test(word) || shapedWord(word) || tools.has(word.toLowerCase()));
  const lists: NameList[] = [];
  for (const sentence of letter.sentences) {
    if (!mayHold(sentence)) continue;
    // A list of three needs two separators; most sentences have fewer.
    if ((sentence.text.match(separatorHint) ?? []).length < 2) continue;
    // Nor can a sentence with fewer than two name-like words hold one; lowercase names the caller knows ("awk",
    // "vim", "pandas") count too.
    if ((sentence.text.match(nameHint) ?? []).length + lowercaseNames(sentence) < 2) continue;
    // Segments between separators, as offsets into the letter.
    const segments: Span[] = [];
    let cursor = 0;
    separator.lastIndex = 0;
    for (const match of sentence.text.matchAll(separator)) {
      const at = match.index ?? 0;
      segments.push({
        text: sentence.text.slice(cursor, at),
        start: sentence.start + cursor,
        end: sentence.start + at,
      });
      cursor = at + match[0].length;
    }
    if (segments.length < 2) continue;
    segments.push({ text: sentence.text.slice(cursor), start: sentence.start + cursor, end: sentence.end });
    // Words of a segment, read only as far as a name of three words can reach from either end.
    const reach = 80;
    const cache: Word[][] = [];
    const wordsOfSegment = (segment: Span): Word[] =>
      segment.text.length <= 2 * reach
        ? wordsOf(segment.text, segment.start)
        : [
            ...wordsOf(segment.text.slice(0, reach), segment.start).slice(0, -1),
            { raw: '', start: segment.start + reach, end: segment.start + reach },
            ...wordsOf(segment.text.slice(-reach), segment.end - reach).slice(1),
          ];
    const wordsAt = (index: number): Word[] => {
      const segment = segments[index];
      if (segment === undefined) return [];
      cache[index] ??= wordsOfSegment(segment);
      return cache[index];
    };
    // Two words of one name have only spaces between them ("Stack: pandas" is two things).
    const joined = (left: Word, right: Word): boolean =>
      /^[ \t]+$/u.test(letter.text.slice(left.end, right.start));
    const item = (from: readonly Word[]): ListItem | null => {
      const first = from[0];
      const last = from[from.length - 1];
      if (first === undefined || last === undefined) return null;
      const text = letter.text.slice(first.start, last.end);
      const lower = from.map((word) => word.raw.toLowerCase());
      let tool: string | null = null;
      for (let i = 0; i < lower.length && tool === null; i++)
        for (let j = i + 1; j <= lower.length && tool === null; j++)
          tool = tools.get(lower.slice(i, j).join(' ')) ?? null;
      return {
        text,
        start: first.start,
        end: last.end,
        tool,
        shaped: from.some((word) => shapedWord(word.raw)),
      };
    };
    // The whole segment as one name, or null.
    const whole = (index: number): ListItem | null => {
      const all = wordsAt(index);
      if (all.length === 0 || all.length > maxWords) return null;
      const ok = all.every(
        (word, at) =>
          (at === 0 || joined(all[at - 1] as Word, word)) &&
          (nameLike(word.raw) ||
            (at > 0 && at === all.length - 1 && trailingNouns.has(word.raw.toLowerCase()))),
      );
      return ok ? item(all) : null;
    };
    const tail = (index: number): ListItem | null => {
      const all = wordsAt(index);
      let from = all.length;
      while (
        from > 0 &&
        all.length - from < maxWords &&
        nameLike((all[from - 1] as Word).raw) &&
        (from === all.length || joined(all[from - 1] as Word, all[from] as Word))
      )
        from--;
      return item(all.slice(from));
    };
    const head = (index: number): ListItem | null => {
      const all = wordsAt(index);
      let to = 0;
      const next = (at: number) => at === 0 || joined(all[at - 1] as Word, all[at] as Word);
      while (to < all.length && to < maxWords && nameLike((all[to] as Word).raw) && next(to)) to++;
      if (to < all.length && to > 0 && next(to) && trailingNouns.has((all[to] as Word).raw.toLowerCase()))
        to++;
      return item(all.slice(0, to));
    };
    let index = 0;
    while (index < segments.length - 1) {
      const first = tail(index);
      if (first === null) {
        index++;
        continue;
      }
      const items: ListItem[] = [first];
      let next = index + 1;
      for (let middle = whole(next); middle !== null && next < segments.length - 1; middle = whole(next)) {
        items.push(middle);
        next++;
      }
      const last = next < segments.length ? (whole(next) ?? head(next)) : null;
      if (last !== null) items.push(last);
      if (items.length >= 3) {
        lists.push({ items, sentence });
        index = last === null ? next : next + 1;
      } else index++; // "Furthermore, I know Node.js, Python and MATLAB": the list starts at the next segment.
    }
  }
  return lists;
}

/**
 * A list of names is a list of tools, known or not, when:
 * - the vocabulary knows one of them and another is known or written like software (Next.js, C#, MongoDB, CSS);
 * - two are written with a dot, #, + or digit ("Bootstrap 5, Express.js and JQuery"); or
 * - three are written like software and one has a dot, #, +, digit or an inner capital ("HTML, CSS and JavaScript",
 *   "SolidWorks, LabVIEW and MATLAB"), so a row of acronyms alone ("IBM, SAP and KPMG") is not.
 * "Stripe, Google and Meta" or "FIRST Robotics, PolySAT and Battlebots" are not lists of tools.
 */
export function isToolList(items: readonly ListItem[]): boolean {
  const known = items.filter((item) => item.tool !== null).length;
  const software = items.filter((item) => item.tool !== null || item.shaped).length;
  const symbols = items.filter((item) => /[.#+\d]/u.test(item.text)).length;
  const inner = items.some((item) => /[.#+\d]|\p{Ll}\p{Lu}/u.test(item.text));
  return (known >= 1 && software >= 2) || symbols >= 2 || (software >= 3 && inner);
}
