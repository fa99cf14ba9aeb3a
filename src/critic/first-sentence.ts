import { memoOn } from '../text/memo.js';
import type { LetterAnatomy, Span } from './letter-anatomy.js';

/**
 * Lines a reader's eye skips on its way to the first sentence: a subject or reference line ("Re: Data Scientist",
 * "Subject: ...", "Position: [TITLE]"), a Markdown heading or rule, a date, a salutation the anatomy did not take as
 * the greeting ("To the team at Fernway,").
 */
const headerLine =
  /^(?:(?:re|subject|subj|position|role|job|job title|reference|ref|application|attn|attention|date)\s*:|#{1,6}\s|[-*_=]{3,}\s*$|(?:dear|to whom it may concern|to the\b[^.!?]{0,60}[,:]\s*$|hello|hi|greetings)\b[^.!?]{0,60}[,:!]\s*$|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^.!?]*$|(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}\s*$)/i;

/**
 * The letter's first sentence after the greeting and any subject or header lines, without leading Markdown or quote
 * marks ("**I cut ..." starts at "I"). Null for an empty body.
 */
export function firstSentence(letter: LetterAnatomy): Span | null {
  return memoOn(letter, firstSentenceKey, () => findFirstSentence(letter));
}

const firstSentenceKey = Symbol('first-sentence');

function findFirstSentence(letter: LetterAnatomy): Span | null {
  // A header line is short: only a sentence's first 160 characters are read.
  const sentence =
    letter.sentences.find((candidate) => !headerLine.test(stripLead(candidate.text.slice(0, 160)))) ?? null;
  if (sentence === null) return letter.sentences[0] ?? null;
  const lead = /^[\s#>*_"'“‘-]*/u.exec(sentence.text)?.[0].length ?? 0;
  if (lead >= sentence.text.length) return sentence;
  return { text: sentence.text.slice(lead), start: sentence.start + lead, end: sentence.end };
}

function stripLead(text: string): string {
  return text.replace(/^[\s>*_"'“‘]+/u, '').replace(/[*_]+(?=\s*$)/u, '');
}
