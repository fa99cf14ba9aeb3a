import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { memoWeak } from '../text/memo.js';
import { escapeRegExp, positionsMaybeIn, wordStartsOf } from '../text/vocabulary-matcher.js';

/** A tool named in a text, under its canonical name. */
export interface ToolMention {
  /** The canonical name from `templates/common.yaml` ("scikit-learn" for "sklearn"). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

type ToolEntry = CommonVocabulary['tools'][number];

const listWord = /^(?:and|or|in|with|using|plus|&)$/i;

/**
 * Short names ("Go", "R") are ordinary words and letters too: they count only inside a list of tools ("Python, Go",
 * "Go or Rust", "written in Go").
 */
function inListContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (/[,/(]\s*$/.test(before) || /^\s*[,/)]/.test(after)) return true;
  const previousWord = /(\S+)\s+$/.exec(before)?.[1] ?? '';
  const nextWord = /^\s+(\S+)/.exec(after)?.[1] ?? '';
  return listWord.test(previousWord) || /^(?:and|or)$/i.test(nextWord);
}

/** A spelling's pattern, as a scan (`global`) and as a test at one offset (`sticky`). */
interface SpellingPattern {
  readonly global: RegExp;
  readonly sticky: RegExp;
  /** Two letters or fewer: counts only inside a list of tools. */
  readonly short: boolean;
}

/** How strictly a spelling must match: acronyms and ordinary-word names keep their capitals ("LIME", not "lime"). */
function spellingPattern(spelling: string): SpellingPattern {
  const body = escapeRegExp(spelling).replace(/\s+/g, '\\s+');
  const bounded = `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_]|[&'’]\\p{L})`;
  const acronym = /^[A-Z0-9&+]+$/.test(spelling);
  const plainWord = /^[A-Z][a-z]+$/.test(spelling);
  const flags = acronym || plainWord || spelling.length <= 2 ? 'gu' : 'giu';
  return {
    global: new RegExp(bounded, flags),
    sticky: new RegExp(bounded, `${flags}y`),
    short: spelling.length <= 2,
  };
}

/** Every spelling of a tool list, the tool each belongs to, and its pattern (compiled on first use). */
interface SpellingIndex {
  readonly spellings: readonly string[];
  readonly owners: readonly ToolEntry[];
  readonly patterns: (SpellingPattern | undefined)[];
}

const spellingIndex = memoWeak((tools: readonly ToolEntry[]): SpellingIndex => {
  const spellings = tools.flatMap((tool) => [tool.name, ...tool.aliases]);
  return {
    spellings,
    owners: tools.flatMap((tool) => [tool.name, ...tool.aliases].map(() => tool)),
    patterns: spellings.map(() => undefined),
  };
});

/**
 * Every known tool named in `text`, in order of appearance, longest name first where two overlap ("TensorFlow
 * Serving", not "TensorFlow").
 */
export function findToolMentions(text: string, tools: readonly ToolEntry[]): ToolMention[] {
  const found: ToolMention[] = [];
  const index = spellingIndex(tools);
  for (const position of positionsMaybeIn(text, index.spellings)) {
    const spelling = index.spellings[position] as string;
    const name = (index.owners[position] as ToolEntry).name;
    let pattern = index.patterns[position];
    if (pattern === undefined) {
      pattern = spellingPattern(spelling);
      index.patterns[position] = pattern;
    }
    const short = pattern.short;
    const add = (start: number, end: number): void => {
      if (!short || inListContext(text, start, end)) found.push({ name, start, end });
    };
    const starts = wordStartsOf(text, spelling);
    if (starts === null) {
      pattern.global.lastIndex = 0;
      for (const match of text.matchAll(pattern.global)) add(match.index, match.index + match[0].length);
      continue;
    }
    // Only where the spelling's first word starts, left to right and never overlapping, as a scan would.
    let end = 0;
    for (const start of starts) {
      if (start < end) continue;
      pattern.sticky.lastIndex = start;
      const match = pattern.sticky.exec(text);
      if (match === null) continue;
      end = start + match[0].length;
      add(start, end);
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ToolMention[] = [];
  for (const mention of found) {
    if (kept.some((other) => mention.start < other.end && other.start < mention.end)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Whether `text` may name a known tool at all: a cheap test before looking at its parts one by one. */
export function mayNameTools(text: string, tools: readonly ToolEntry[]): boolean {
  return positionsMaybeIn(text, spellingIndex(tools).spellings).length > 0;
}

/** The distinct canonical tool names in `text`, in order of first appearance. */
export function toolNamesIn(text: string, tools: readonly ToolEntry[]): string[] {
  return [...new Set(findToolMentions(text, tools).map((mention) => mention.name))];
}
