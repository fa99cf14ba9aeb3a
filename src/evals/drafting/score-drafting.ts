import { analyzeLetter } from '../../critic/letter-anatomy.js';
import type { PipelineResult } from '../../pipeline/run-pipeline.js';
import type { CommonVocabulary } from '../../playbooks/playbook-schema.js';
import { escapeRegExp } from '../../text/vocabulary-matcher.js';
import { groundingFindings } from '../scorers/grounding-violations.js';

/** The body's paragraphs: what lies between the greeting line and the sign-off. */
function bodyParagraphs(letter: string): string[] {
  const blocks = letter
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return blocks.slice(1, -1);
}

/** A paragraph with the names that change from posting to posting masked, lowercase, spaces folded. */
function masked(paragraph: string, names: readonly (string | null)[]): string {
  let text = paragraph;
  for (const name of names) {
    if (name !== null && name.trim() !== '')
      text = text.replace(new RegExp(escapeRegExp(name), 'gi'), '<name>');
  }
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** What the drafting eval reads from one letter. */
export interface LetterShape {
  /** The opening paragraph with the company, role and hook masked: two letters sharing it open the same way. */
  readonly opening: string;
  /** The first five words of the third paragraph, masked likewise: the frame the company paragraph uses. */
  readonly thirdFrame: string | null;
  readonly bodyWords: number;
  /** Claims the grounding rules found in the letter that no profile fact backs. */
  readonly unsupported: number;
  /** The fact the letter opens with. */
  readonly lead: string | null;
}

export function letterShape(result: PipelineResult, common: CommonVocabulary): LetterShape {
  const names = [result.analysis.company, result.analysis.role, result.analysis.hook?.text ?? null];
  const paragraphs = bodyParagraphs(result.letter);
  const third = paragraphs[2];
  return {
    opening: masked(paragraphs[0] ?? '', names),
    thirdFrame: third === undefined ? null : masked(third, names).split(' ').slice(0, 5).join(' '),
    bodyWords: analyzeLetter(result.letter, common).wordCount,
    unsupported: groundingFindings(result).length,
    lead: result.lead?.factId ?? result.usedFactIds[0] ?? null,
  };
}

/** The share of letters whose opening paragraph no other letter of the same profile shares. */
export function distinctShare(values: readonly string[]): number {
  if (values.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return values.filter((value) => counts.get(value) === 1).length / values.length;
}

/** The share of letters that use the most common frame. */
export function commonestShare(values: readonly (string | null)[]): number {
  const present = values.filter((value): value is string => value !== null);
  if (present.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const value of present) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Math.max(...counts.values()) / values.length;
}
