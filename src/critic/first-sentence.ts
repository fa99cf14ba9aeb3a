import type { LetterAnatomy, Span } from './letter-anatomy.js';

/**
 * The letter's first sentence after the greeting, without leading Markdown or quote marks ("**I cut ..." starts at
 * "I"). Null for an empty body.
 */
export function firstSentence(letter: LetterAnatomy): Span | null {
  const sentence = letter.sentences[0];
  if (sentence === undefined) return null;
  const lead = /^[\s#>*_"'“‘-]*/u.exec(sentence.text)?.[0].length ?? 0;
  if (lead >= sentence.text.length) return sentence;
  return { text: sentence.text.slice(lead), start: sentence.start + lead, end: sentence.end };
}
