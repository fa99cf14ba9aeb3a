import { findNameLists, isToolList, toolNames } from '../critic/find-name-lists.js';
import { analyzeLetter } from '../critic/letter-anatomy.js';
import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { findToolMentions } from '../posting/find-tools.js';
import { escapeRegExp } from '../text/vocabulary-matcher.js';

/** What counts as a tool or a method in a resume: lede's vocabulary plus the resume's own skills list. */
export interface ResumeVocabulary {
  readonly tools: CommonVocabulary['tools'];
  readonly methods: readonly string[];
  /** The resume's own skills, as written there. */
  readonly skills: readonly string[];
}

interface Found {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function searchTerm(text: string, term: string): Found[] {
  const flags = term.length <= 3 || /^[A-Z0-9]+$/.test(term) ? 'g' : 'gi';
  const pattern = new RegExp(`(?<![\\w+#.-])${escapeRegExp(term)}(?![\\w+#-]|\\.\\w)`, flags);
  return [...text.matchAll(pattern)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function distinct(found: readonly Found[]): string[] {
  const kept: Found[] = [];
  for (const item of [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (kept.some((other) => item.start < other.end && other.start < item.end)) continue;
    kept.push(item);
  }
  const names: string[] = [];
  for (const item of kept.sort((a, b) => a.start - b.start)) {
    if (!names.some((name) => name.toLowerCase() === item.text.toLowerCase())) names.push(item.text);
  }
  return names;
}

/** The tools named in one achievement's own text, spelled as the text spells them. */
export function findResumeTools(text: string, vocabulary: ResumeVocabulary): string[] {
  const known: Found[] = findToolMentions(text, vocabulary.tools).map((mention) => ({
    text: text.slice(mention.start, mention.end),
    start: mention.start,
    end: mention.end,
  }));
  const own = vocabulary.skills
    .filter((skill) => skill.length >= 1 && skill.split(/\s+/).length <= 4 && !/[,;()]/.test(skill))
    .flatMap((skill) => searchTerm(text, skill));
  // A row of names the vocabulary does not know ("Istio, Cilium, Kuma") is still a list of tools by its shape: the
  // critic's list finder decides, so a resume and a letter read a list alike.
  const listed = findNameLists(analyzeLetter(text), toolNames(vocabulary.tools))
    .filter((list) => isToolList(list.items))
    .flatMap((list) => list.items.map((item) => ({ text: item.text, start: item.start, end: item.end })));
  return distinct([...known, ...own, ...listed]);
}

/** The methods (from lede's vocabulary) named in one achievement's own text, spelled as the text spells them. */
export function findResumeMethods(text: string, vocabulary: ResumeVocabulary): string[] {
  return distinct(vocabulary.methods.flatMap((method) => searchTerm(text, method)));
}
