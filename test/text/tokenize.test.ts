import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';

const hardPunctuation = /[.,;:!?()[\]{}"“”…|•]/;

/** Whether punctuation or a blank line sits between two tokens, read the slow way. */
function hardGap(gap: string): boolean {
  return hardPunctuation.test(gap) || /\n[ \t\r]*\n/.test(gap);
}

describe('tokenize', () => {
  it('keeps inner dots and splits off the symbols + & / #', () => {
    expect(tokenize('Node.js, C++ and W&B at 0.78').map((token) => token.raw)).toEqual([
      'Node.js',
      'C',
      '+',
      '+',
      'and',
      'W',
      '&',
      'B',
      'at',
      '0.78',
    ]);
  });

  it('gives each word its lower-case form, also after an inner dot', () => {
    expect(tokenize('deploy Node.JS on AWS e.G').map((token) => token.lower)).toEqual([
      'deploy',
      'node.js',
      'on',
      'aws',
      'e.g',
    ]);
  });

  it('marks a token after punctuation or a blank line as hard, and not one after a single line break', () => {
    expect(tokenize('one, two\nthree\n\nfour “five').map((token) => token.hardBefore)).toEqual([
      true, // one: the first token
      true, // two: after a comma
      false, // three: after one line break
      true, // four: after a blank line
      true, // five: after an opening quote
    ]);
  });

  it('agrees with a plain reading of any text: offsets, lower case and hard gaps', () => {
    const alphabet = fc.constantFrom(...'aZq09 .,;\n\t+&/#-’“”…•é√ÉİßΣſ'.split(''), '\u{1d400}', '\r\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const tokens = tokenize(text);
        let previousEnd = 0;
        for (const [index, token] of tokens.entries()) {
          expect(token.raw).toBe(text.slice(token.start, token.end));
          expect(token.lower).toBe(token.raw.toLowerCase());
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(token.hardBefore).toBe(index === 0 || hardGap(text.slice(previousEnd, token.start)));
          previousEnd = token.end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
