import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { containsTerm, termsMaybeIn } from '../text/vocabulary-matcher.js';
import { isBoilerplate } from './boilerplate.js';
import {
  type PostingHeading,
  type PostingSentence,
  readPostingStructure,
  type SectionKind,
} from './posting-sections.js';

/** What a model is sent of a posting, and what was left out. */
export interface LeanPosting {
  /** The kept sentences and headings, verbatim and in the posting's order, with its line breaks and bullets. */
  readonly text: string;
  readonly words: number;
  readonly totalWords: number;
  /** Sentences left out as benefits, equal-opportunity, legal or careers-page text. */
  readonly boilerplateDropped: number;
  /** Sentences left out because the budget was spent on those that matter more. */
  readonly cutForBudget: number;
}

/**
 * The default budgets. The analysis reads the role, duties, requirements and company of any ordinary posting; a letter
 * call has the analysis already, and needs the posting only for the role and the work it describes.
 */
export const leanPostingTokens = { analysis: 1500, letter: 600 } as const;

/** Tokens as the usual English estimate: four characters each. */
export const tokensOfText = (text: string): number => Math.ceil(text.length / 4);

/** Which sentences are kept first when the budget is short: the role, then the work, then the company. */
const priority: Record<SectionKind, number> = {
  title: 0,
  duties: 1,
  requirements: 2,
  about: 3,
  optional: 4,
  benefits: 5,
  legal: 5,
};

const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length;

/** The whitespace (and bullet marker) to put before a piece: a paragraph break, a line break or a space. */
function joinBefore(text: string, previousEnd: number, start: number): string {
  const gap = text.slice(previousEnd, start);
  const lastBreak = gap.lastIndexOf('\n');
  if (lastBreak === -1) return ' ';
  const lineStart = gap.slice(lastBreak + 1);
  return (/\n\s*\n/.test(gap) ? '\n\n' : '\n') + lineStart.replace(/^\s+/, '');
}

/** The kept sentences in the posting's order, each after the heading it sits under (once). */
function assemble(
  text: string,
  headings: readonly PostingHeading[],
  sentences: readonly PostingSentence[],
  kept: ReadonlySet<PostingSentence>,
): string {
  const pieces: { start: number; end: number }[] = [];
  let lastHeading = -1;
  for (const sentence of sentences) {
    if (!kept.has(sentence)) continue;
    const heading = headings.findLastIndex((item) => item.start < sentence.start);
    if (heading > lastHeading) {
      const { start, end } = headings[heading] as PostingHeading;
      pieces.push({ start, end });
    }
    lastHeading = Math.max(lastHeading, heading);
    pieces.push({ start: sentence.start, end: sentence.end });
  }
  let lean = '';
  let previousEnd = -1;
  for (const piece of pieces) {
    lean += previousEnd === -1 ? '' : joinBefore(text, previousEnd, piece.start);
    lean += text.slice(piece.start, piece.end);
    previousEnd = piece.end;
  }
  return lean;
}

/**
 * The posting as a model needs it: boilerplate (benefits, equal-opportunity and legal sections, careers-page text)
 * left out, and, past `maxTokens`, the role and duties kept before the requirements, the company and the nice-to-haves.
 * Every kept sentence is the posting's own text, so a quote a model takes from it is still verbatim.
 */
export function leanPosting(
  text: string,
  common: Pick<CommonVocabulary, 'boilerplate'>,
  maxTokens: number = leanPostingTokens.analysis,
): LeanPosting {
  const structure = readPostingStructure(text, common);
  const totalWords = wordCount(text);
  // A benefits or legal heading among the title lines ("Lumen Pay | Lisbon") is a misread title, not a section.
  const titleLines = new Set(structure.titleLines);
  const leftOut = (sentence: PostingSentence): boolean =>
    isBoilerplate(sentence.text) ||
    ((sentence.section === 'benefits' || sentence.section === 'legal') &&
      (sentence.heading === null || !titleLines.has(sentence.heading))) ||
    termsMaybeIn(sentence.text, common.boilerplate).some((term) => containsTerm(sentence.text, term));
  const wanted = structure.sentences.filter((sentence) => !leftOut(sentence));
  const boilerplateDropped = structure.sentences.length - wanted.length;

  // Fill the budget by priority, then put what was kept back in the posting's order; the joins and headings the
  // estimate leaves out are paid for by dropping the last-ranked sentences until the text fits.
  const ranked = [...wanted].sort(
    (left, right) => priority[left.section] - priority[right.section] || left.start - right.start,
  );
  const kept: PostingSentence[] = [];
  let budget = maxTokens * 4;
  for (const sentence of ranked) {
    if (sentence.text.length + 1 > budget) continue;
    kept.push(sentence);
    budget -= sentence.text.length + 1;
  }
  let lean = assemble(text, structure.headings, wanted, new Set(kept));
  while (tokensOfText(lean) > maxTokens && kept.length > 0) {
    kept.pop();
    lean = assemble(text, structure.headings, wanted, new Set(kept));
  }
  return {
    text: lean,
    words: wordCount(lean),
    totalWords,
    boilerplateDropped,
    cutForBudget: wanted.length - kept.length,
  };
}
