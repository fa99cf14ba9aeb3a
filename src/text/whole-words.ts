import { memoRecent } from './memo.js';
import { type Token, tokenize } from './tokenize.js';

/**
 * A text as its lowercase words joined by single spaces, padded: `includes(' real time ')` is then a whole-word
 * lookup, whatever the text's punctuation and line breaks.
 */
export function wordsOf(text: string): string {
  return wordsOfTokens(tokenize(text));
}

/** wordsOf() for a text already tokenized. */
export function wordsOfTokens(tokens: readonly Token[]): string {
  return ` ${tokens.map((token) => token.lower).join(' ')} `;
}

// Phrases are names (companies, tools, employers): few, and met again and again across a batch.
const phraseWords = memoRecent(5000, wordsOf);

/** Whether `phrase` occurs as whole words in a text prepared by wordsOf(). */
export function hasPhrase(words: string, phrase: string): boolean {
  const needle = phraseWords(phrase);
  return needle.trim() !== '' && words.includes(needle);
}
