import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { positionsMaybeIn } from './term-matcher.js';

/** A tool named in a text, under its canonical name. */
export interface ToolMention {
  /** The canonical name from `templates/common.yaml` ("scikit-learn" for "sklearn"). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

type ToolEntry = CommonVocabulary['tools'][number];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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

/** How strictly a spelling must match: acronyms and ordinary-word names keep their capitals ("LIME", not "lime"). */
function spellingPattern(spelling: string): { pattern: RegExp; short: boolean } {
  const body = escapeRegExp(spelling).replace(/\s+/g, '\\s+');
  const bounded = `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_]|[&'’]\\p{L})`;
  const acronym = /^[A-Z0-9&+]+$/.test(spelling);
  const plainWord = /^[A-Z][a-z]+$/.test(spelling);
  if (acronym || plainWord || spelling.length <= 2)
    return { pattern: new RegExp(bounded, 'gu'), short: spelling.length <= 2 };
  return { pattern: new RegExp(bounded, 'giu'), short: false };
}

const patternCache = new WeakMap<ToolEntry, { pattern: RegExp; short: boolean }[]>();

function patternsFor(tool: ToolEntry): { pattern: RegExp; short: boolean }[] {
  const cached = patternCache.get(tool);
  if (cached !== undefined) return cached;
  const patterns = [tool.name, ...tool.aliases].map(spellingPattern);
  patternCache.set(tool, patterns);
  return patterns;
}

/** Every spelling of every tool, and the tool each belongs to: one index per tool list. */
const spellingIndex = new WeakMap<readonly ToolEntry[], { spellings: string[]; owners: ToolEntry[] }>();

/** The tools whose names may occur in `text`, in list order. */
function toolsMaybeIn(text: string, tools: readonly ToolEntry[]): ToolEntry[] {
  let index = spellingIndex.get(tools);
  if (index === undefined) {
    const owners = tools.flatMap((tool) => [tool.name, ...tool.aliases].map(() => tool));
    index = { spellings: tools.flatMap((tool) => [tool.name, ...tool.aliases]), owners };
    spellingIndex.set(tools, index);
  }
  const { spellings, owners } = index;
  const maybe = new Set(positionsMaybeIn(text, spellings).map((position) => owners[position]));
  return tools.filter((tool) => maybe.has(tool));
}

/**
 * Every known tool named in `text`, in order of appearance, longest name first where two overlap ("TensorFlow
 * Serving", not "TensorFlow").
 */
export function findToolMentions(text: string, tools: readonly ToolEntry[]): ToolMention[] {
  const found: ToolMention[] = [];
  for (const tool of toolsMaybeIn(text, tools)) {
    for (const { pattern, short } of patternsFor(tool)) {
      pattern.lastIndex = 0;
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (short && !inListContext(text, start, end)) continue;
        found.push({ name: tool.name, start, end });
      }
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
  return toolsMaybeIn(text, tools).length > 0;
}

/** The distinct canonical tool names in `text`, in order of first appearance. */
export function toolNamesIn(text: string, tools: readonly ToolEntry[]): string[] {
  return [...new Set(findToolMentions(text, tools).map((mention) => mention.name))];
}
