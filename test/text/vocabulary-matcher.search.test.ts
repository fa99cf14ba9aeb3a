import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsTerm,
  findTerm,
  mightContain,
  termPattern,
  termsMaybeIn,
} from '../../src/text/vocabulary-matcher.js';

/** What the pattern alone finds, with no prefilter in front of it. */
function patternMatches(text: string, term: string, plural: boolean): number[] {
  return [...text.matchAll(termPattern(term, { plural }))].map((match) => match.index ?? 0);
}

describe('findTerm', () => {
  it('matches whole words and phrases in any case, across line breaks', () => {
    expect(findTerm('Our Feature\n  Store serves banks.', 'feature store')).toEqual([
      { term: 'feature store', start: 4, end: 19 },
    ]);
    expect(findTerm('an embankment', 'bank', { plural: true })).toEqual([]);
    expect(findTerm('two banks', 'bank', { plural: true }).map((match) => match.end)).toEqual([9]);
    expect(findTerm('two banks', 'bank')).toEqual([]);
  });

  it('finds terms that start or end with punctuation', () => {
    expect(containsTerm('Experience with C++ and .NET.', 'c++')).toBe(true);
    expect(containsTerm('Experience with C++ and .NET.', '.net')).toBe(true);
    expect(containsTerm('ASP.NET only', '.net')).toBe(false);
  });
});

describe('termsMaybeIn', () => {
  const vocabulary = ['bank', 'retail bank', 'feature store', 'c++', '&', 'store'];

  it('keeps the terms a text could hold, in list order', () => {
    expect(termsMaybeIn('Two Banks run a feature store; C++ & more.', vocabulary)).toEqual([
      'bank',
      'feature store',
      'c++',
      '&',
      'store',
    ]);
    expect(termsMaybeIn('A storefront.', vocabulary)).toEqual(['&']);
  });

  it('never leaves out a term that findTerm finds, plurals included', () => {
    const words = fc.constantFrom(
      'bank',
      'banks',
      'Bankes',
      'retail',
      'feature',
      'stores',
      'store',
      'c++',
      '&',
      '-',
    );
    const text = fc.array(words, { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, (haystack) => {
        const kept = termsMaybeIn(haystack, vocabulary);
        for (const term of vocabulary) {
          if (findTerm(haystack, term, { plural: true }).length > 0) expect(kept).toContain(term);
        }
      }),
    );
  });
});

describe('mightContain', () => {
  it('rules out a term when one of its words is missing from the text', () => {
    expect(mightContain('We run a feature store on Spark.', 'feature store')).toBe(true);
    expect(mightContain('We run a feature pipeline on Spark.', 'feature store')).toBe(false);
    expect(mightContain('Stores across the country', 'store')).toBe(true);
    expect(mightContain('A storefront', 'store')).toBe(false);
  });

  it('never rules out a term the pattern would find (any text, any term, with or without plurals)', () => {
    const alphabet = fc.constantFrom(
      ..."abcsεσςΣAB É é1 2.-+#&_’'\n\tßİıK".split(''),
      'es',
      'ab',
      'Ab ',
      'σς',
      '𝐀𝐁',
      'ſ',
      'ϐβ',
      'K',
      'ẞ',
      '\u00a0',
      'a\u2028b',
    );
    const text = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));
    const term = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, term, fc.boolean(), (haystack, needle, plural) => {
        if (needle.trim() === '') return;
        const expected = patternMatches(haystack, needle, plural);
        if (expected.length > 0) expect(mightContain(haystack, needle)).toBe(true);
        expect(findTerm(haystack, needle, { plural }).map((match) => match.start)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
});
