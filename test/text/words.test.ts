import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, foldCase, wordCharWidth } from '../../src/text/words.js';

const alphabet = fc.constantFrom(..."aZ09 .,;\n\t+&/#%$-’'é√ÉİßΣſ".split(''), '\u{1d400}', '😀', '\r\n');
const text = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''));

describe('wordCharWidth', () => {
  it('is the width of a letter or digit as a u pattern reads it, and 0 for anything else', () => {
    fc.assert(
      fc.property(text, (sample) => {
        for (let index = 0; index < sample.length; index++) {
          const point = String.fromCodePoint(sample.codePointAt(index) as number);
          expect(wordCharWidth(sample, index)).toBe(/^[\p{L}\p{N}]$/u.test(point) ? point.length : 0);
        }
      }),
    );
  });
});

describe('countWords', () => {
  it('counts "real-time", "40%" and "Node.js" as one word each', () => {
    expect(countWords('Real-time serving for 40% more users on Node.js, and W&B.')).toBe(10);
    expect(countWords('one two three', 4, 7)).toBe(1);
  });

  it('agrees with the pattern a reader would write, on any text', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(countWords(sample)).toBe(sample.match(/[\p{L}\p{N}][\p{L}\p{N}'’.%$&+/-]*/gu)?.length ?? 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('foldCase', () => {
  it('folds as a case-insensitive pattern does: long s and final sigma included', () => {
    expect(foldCase('ſpark ΟΔΟΣ οδος')).toBe('spark οδοσ οδοσ');
  });
});
