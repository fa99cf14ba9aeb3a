import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SentenceBreaks, splitLines, splitSentences, trimSpan } from '../../src/text/split-text.js';

const letter: SentenceBreaks = { lineBreaks: true, capitalAfter: false, abbreviation: /\be\.g\.$/i };
const posting: SentenceBreaks = { lineBreaks: false, capitalAfter: true, abbreviation: /\be\.g\.$/i };
const texts = (text: string, breaks: SentenceBreaks) =>
  splitSentences(text, 0, text.length, breaks).map((sentence) => sentence.text);

describe('splitLines and trimSpan', () => {
  it('keep offsets into the text', () => {
    expect(splitLines('one\n two\n')).toEqual([
      { text: 'one', start: 0, end: 3 },
      { text: ' two', start: 4, end: 8 },
      { text: '', start: 9, end: 9 },
    ]);
    expect(trimSpan(' two ', 0, 5)).toEqual({ text: 'two', start: 1, end: 4 });
    expect(trimSpan(' \n ', 0, 3)).toBeNull();
  });
});

describe('splitSentences', () => {
  it('ends a sentence at . ! ? before whitespace, never after an abbreviation or inside a decimal', () => {
    expect(texts('We grew 3.5x. Tools, e.g. Spark! Done?', letter)).toEqual([
      'We grew 3.5x.',
      'Tools, e.g. Spark!',
      'Done?',
    ]);
  });

  it('reads line breaks and lower-case starts as a letter or as a posting', () => {
    expect(texts('- ship models\n- run them. then more', letter)).toEqual([
      '- ship models',
      '- run them.',
      'then more',
    ]);
    expect(texts('We ship models\nand run them. then more. More', posting)).toEqual([
      'We ship models\nand run them. then more.',
      'More',
    ]);
  });

  it('gives trimmed spans that index the text, in order, for any text', () => {
    const alphabet = fc.constantFrom(...'aB1 .!?\n\t"('.split(''), 'e.g. ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.boolean(), (parts, asLetter) => {
        const text = parts.join('');
        let previousEnd = 0;
        for (const sentence of splitSentences(text, 0, text.length, asLetter ? letter : posting)) {
          expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(sentence.text).toBe(sentence.text.trim());
          expect(sentence.text).not.toBe('');
          expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = sentence.end;
        }
      }),
    );
  });
});
