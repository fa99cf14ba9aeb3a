import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { memoOn } from '../text/memo.js';
import { phraseAlternation } from '../text/phrase-alternation.js';

export type OpenerFamily = NonNullable<CommonVocabulary['openerFamily']>;

/** The part of a first sentence that makes it a stock opener, as offsets into that sentence. */
export interface OpenerMatch {
  readonly start: number;
  readonly end: number;
}

interface FamilyPatterns {
  readonly leadIn: RegExp;
  readonly mainClause: readonly RegExp[];
  readonly anywhere: readonly RegExp[];
}

const familyKey = Symbol('opener-family-patterns');

// "I", "I really", "I, Priya Raman,": the writer as the subject, with an adverb at most. ASCII classes and the i flag.
const writer = "i(?:\\s+[a-z]+ly)?(?:\\s+|(?=['’]))";
const be = "(?:am|['’]m|was|feel|felt|have\\s+been)\\s+";

function patternsOf(family: OpenerFamily): FamilyPatterns {
  return memoOn(family, familyKey, () => {
    const feelings = phraseAlternation(family.feelings);
    const intensifiers = phraseAlternation(family.intensifiers);
    const actions = phraseAlternation(family.actions);
    const wishes = phraseAlternation(family.wishes);
    const mainClause = [
      // The writer's feelings: "I am very excited about", "I was pleased to learn of", "I felt compelled to".
      new RegExp(
        `^${writer}${be}(?:(?:${intensifiers})\\s+)*(?:${feelings})(?:\\s+and\\s+[a-z]+)?(?:\\s+(?:to|about|in|by|at|for|that|with|of)\\b|\\s*[,.!])`,
        'i',
      ),
      // The act of applying: "I am writing", "I'm reaching out", "I write to", "I hereby submit".
      new RegExp(`^${writer}(?:(?:am|['’]m)\\s+(?:${actions})|write|submit|enclose|apply)\\b`, 'i'),
      // A wish: "I would like to express", "I wish to apply", "I want to formally express".
      new RegExp(
        `^${writer}(?:(?:would|['’]d)\\s+(?:like|love)|wish|want|hope|aim|am\\s+hoping|['’]m\\s+hoping)\\s+to\\s+(?:[a-z]+\\s+)?(?:${wishes})\\b`,
        'i',
      ),
      // A lifelong wish: "I have always wanted to", "I have known I want to work in".
      /^i\s+(?:have\s+)?(?:always\s+)?(?:known|wanted|dreamed|dreamt)\b(?:\s+(?:that\s+)?i\s+(?:want|wanted|would\s+like))?\s+to\b/i,
      // The letter itself: "With this letter I would like", "Through this cover letter, I aim".
      /^(?:with|through|in|by)\s+(?:this|my)\s+(?:cover\s+)?(?:letter|application|e-?mail)\b/i,
      // Pleasantries about the reader.
      new RegExp(`^(?:${phraseAlternation(family.pleasantries)})\\b`, 'i'),
    ];
    // The writer's verdict on their own candidacy: "I believe I am one of the best candidates for".
    if (family.selfVerdicts.length > 0)
      mainClause.push(
        new RegExp(
          `^i\\s+(?:[a-z]+ly\\s+)?(?:believe|think|feel|know|am\\s+confident|['’]m\\s+confident)\\s+(?:that\\s+)?i(?:\\s+am|['’]m|\\s+would\\s+be|['’]d\\s+be|\\s+will\\s+be)\\s+(?:one\\s+of\\s+)?(?:the|a|an)\\s+(?:[a-z-]+\\s+){0,3}(?:${phraseAlternation(family.selfVerdicts)})\\b`,
          'i',
        ),
      );
    // The role as the subject and the writer's interest as its verb: "The Database Administrator position at X
    // resonates strongly with my background".
    if (family.roleAppeals.length > 0)
      mainClause.push(
        new RegExp(
          `^(?:the|this|your)\\s+(?:[^\\s,.;!?]+\\s+){0,8}?(?:position|role|opportunity|opening|job|vacancy|posting)\\b[^,.;!?]{0,60}?\\b(?:${phraseAlternation(family.roleAppeals)})\\b`,
          'i',
        ),
      );
    const anywhere = [
      // The writer's interest as the point: "the space of developing software is extremely appealing to me".
      new RegExp(
        `\\b(?:is|are|was|has\\s+been)\\s+(?:[a-z]+\\s+){0,2}(?:${phraseAlternation(family.appeals)})\\b(?:\\s+and\\s+[a-z]+)?\\s+to\\s+me\\b`,
        'i',
      ),
    ];
    const leadIn = new RegExp(`^(?:${phraseAlternation(family.leadIns)})\\b[^,.;!?]{1,160},\\s*`, 'i');
    return { leadIn, mainClause, anywhere };
  });
}

// A self-introduction by name: "I am Chord, a systems engineer", "I'm Priya Raman, an ML engineer". Case matters.
const selfIntroduction =
  /^I(?:\s+am|['’]m)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2},\s+(?:a|an|the)\b/u;

/**
 * Where a first sentence is a stock opener by its structure: its main clause (after any lead-in clause) is the
 * writer's feelings, wish or application, the letter itself, a self-introduction or a pleasantry; or the sentence's
 * point is that something appeals to the writer. Null when it is none of these.
 */
export function matchOpenerFamily(sentence: string, family: OpenerFamily): OpenerMatch | null {
  const { leadIn, mainClause, anywhere } = patternsOf(family);
  const starts = [0];
  const lead = leadIn.exec(sentence);
  if (lead !== null) starts.push(lead[0].length);
  for (const start of starts) {
    const clause = sentence.slice(start);
    const intro = selfIntroduction.exec(clause);
    if (intro !== null) return { start, end: start + intro[0].length };
    for (const pattern of mainClause) {
      const match = pattern.exec(clause);
      if (match !== null) return { start, end: start + match[0].replace(/[\s,.!]+$/, '').length };
    }
  }
  for (const pattern of anywhere) {
    const match = pattern.exec(sentence);
    if (match !== null) return { start: 0, end: match.index + match[0].length };
  }
  return null;
}
