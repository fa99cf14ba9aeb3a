import { escapeRegExp } from './vocabulary-matcher.js';

/**
 * Phrases from a word list as one regular-expression alternation: lower case, any run of whitespace between words,
 * either apostrophe ("I'm" and "I’m"). For rules whose phrase lists live in YAML and are matched with the i flag.
 */
export function phraseAlternation(phrases: readonly string[]): string {
  return phrases
    .map((phrase) =>
      phrase
        .toLowerCase()
        .trim()
        .split(/\s+/)
        .map((word) => escapeRegExp(word).replace(/'/g, "['’]"))
        .join('\\s+'),
    )
    .join('|');
}
