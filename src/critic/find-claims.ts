import { memoOn } from '../text/memo.js';
import { type Token, tokenIndexAt, tokensOf } from '../text/tokenize.js';
import { findInBody, type TermMatch } from '../text/vocabulary-matcher.js';
import type { LetterAnatomy, Span } from './letter-anatomy.js';
import { spanAt } from './spans.js';

// Words that turn a mention into an admission or a plan rather than a claim: "I haven't used MLflow", "eager to learn".
const notAClaim =
  /\b(?:haven['’]?t|have not|hasn['’]?t|has not|hadn['’]?t|had not|never|not yet|yet to|no (?:\w+ )?(?:experience|exposure)|don['’]?t have|do not have|didn['’]?t|did not|new to|unfamiliar|not (?:\w+ )?(?:used|worked|touched|shipped|deployed)|lack|limited exposure|(?:eager|keen|excited|ready|happy|looking forward) to (?:learn|learning|pick|picking|ramp|ramping|get)|to learn|pick(?:ing)? up|ramp(?:ing)? up on)\b/i;
// A clause ends at a semicolon, a dash or a contrast ("..., but I've built ...").
const clauseBreak = /[;—–]|,?\s+(?:but|although|though|while|whereas|however)\b|,\s+and\b/gi;

/** The clause of its sentence that holds `offset` (the whole sentence when no break). */
export function clauseAt(letter: LetterAnatomy, offset: number): Span | null {
  return spanAt(clausesOf(letter).spans, offset) ?? clauseAcrossBreak(letter, offset);
}

interface Clauses {
  /** Every clause of every sentence, in order; breaks between them are in no clause. */
  readonly spans: readonly Span[];
}

const clausesKey = Symbol('clauses');
const deniesKey = Symbol('denies');

// Several rules ask about mentions in the same clauses: each letter is split, and each clause tested, once.
function clausesOf(letter: LetterAnatomy): Clauses {
  return memoOn(letter, clausesKey, () => {
    const spans: Span[] = [];
    for (const sentence of letter.sentences) {
      let start = sentence.start;
      for (const match of sentence.text.matchAll(clauseBreak)) {
        const at = sentence.start + match.index;
        spans.push({ text: letter.text.slice(start, at), start, end: at });
        start = at + match[0].length;
      }
      spans.push({ text: letter.text.slice(start, sentence.end), start, end: sentence.end });
    }
    return { spans: spans.filter((span) => span.end > span.start) };
  });
}

/** An offset inside a break ("but", a dash): its clause runs from the break before it to the break after it. */
function clauseAcrossBreak(letter: LetterAnatomy, offset: number): Span | null {
  const sentence = spanAt(letter.sentences, offset);
  if (sentence === null) return null;
  let start = sentence.start;
  let end = sentence.end;
  for (const match of sentence.text.matchAll(clauseBreak)) {
    const at = sentence.start + match.index;
    if (at + match[0].length <= offset) start = at + match[0].length;
    else if (at >= offset) {
      end = at;
      break;
    }
  }
  return { text: letter.text.slice(start, end), start, end };
}

/** True when the mention at `offset` sits in a clause that denies or plans it ("I haven't used Kubeflow"). */
export function isNotAClaim(letter: LetterAnatomy, offset: number): boolean {
  const clause = clauseAt(letter, offset);
  // Whether a clause denies or plans what it names is decided when first asked.
  return clause !== null && memoOn(clause, deniesKey, () => notAClaim.test(clause.text));
}

/**
 * The terms the letter's body names as the candidate's own: "I haven't used SHAP" names SHAP but does not meet a
 * rule that asks for explainability work.
 */
export function claimedInBody(letter: LetterAnatomy, terms: readonly string[]): TermMatch[] {
  return findInBody(letter, terms).filter((match) => !isNotAClaim(letter, match.start));
}

const machineLearning =
  /\b(?:models?|ml|mlops|machine[- ]learning|deep learning|neural|inference|predictions?|predictive|classifiers?|recommend(?:er|ers|ation|ations)|ranking|forecast(?:s|ing)?|llms?|embeddings?|training)\b/iu;

/** Whether a text is about machine learning (models, inference, recommendations), not software in general. */
export function mentionsMachineLearning(text: string): boolean {
  return machineLearning.test(text);
}

const notEmployers = new Set(
  'I January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  ),
);
const upperCase = /^\p{Lu}/u;

// "worked for Acme", "interned for the City of Austin": "for" names an employer only after a verb of working.
const workVerbs = new Set(['worked', 'work', 'working', 'interned', 'consulted', 'contracted', 'freelanced']);

/** "at", "joined", or "for" after a verb of working: the words that introduce an employer's name. */
function introducesEmployer(tokens: readonly Token[], index: number): boolean {
  const word = (tokens[index] as Token).lower;
  if (word === 'at' || word === 'joined') return true;
  return word === 'for' && workVerbs.has(tokens[index - 1]?.lower ?? '');
}

/**
 * "At Acme, I ...", "at Acme Corp", "I joined Acme", "worked for Acme": capitalized names after "at", "joined" or a
 * verb of working and "for", inside `[start, end)`, the shapes in which letters name employers ("at the University of
 * Washington" too).
 */
export function findEmployerMentions(letter: { readonly text: string }, start: number, end: number): Span[] {
  const tokens = tokensOf(letter);
  const found: Span[] = [];
  const last = tokenIndexAt(tokens, end);
  for (let index = tokenIndexAt(tokens, start); index < last; index++) {
    if (!introducesEmployer(tokens, index)) continue;
    let at = index + 1;
    if (tokens[at]?.raw === 'the' && tokens[at]?.hardBefore === false) at++;
    const first = tokens[at];
    if (first === undefined || first.hardBefore || first.end > end || !upperCase.test(first.raw)) continue;
    let close = at;
    for (let next = at + 1; next < last; next++) {
      const token = tokens[next] as Token;
      if (token.hardBefore || token.raw === 'I') break;
      if (upperCase.test(token.raw)) close = next;
      else if (token.raw === 'of' || token.raw === '&') {
        const following = tokens[next + 1];
        if (following === undefined || following.hardBefore || !upperCase.test(following.raw)) break;
      } else break;
    }
    if (notEmployers.has(first.raw)) continue;
    const closing = tokens[close] as Token;
    found.push({ text: letter.text.slice(first.start, closing.end), start: first.start, end: closing.end });
    index = close;
  }
  return found;
}
