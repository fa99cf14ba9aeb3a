import { beforeAll, describe, expect, it } from 'vitest';
import { wordLimitRule } from '../../../src/critic/rules/word-limit.js';
import { type CriticFixture, checkRule, contextFor, letterOf, loadCriticFixture } from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const words = (count: number): string =>
  Array.from({ length: count }, (_, index) => `word${index + 1}`).join(' ');

describe('word-limit', () => {
  it('passes a body of exactly the limit; the greeting and signature do not count', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      [words(250)],
      'Best regards,\nPriya Raman\npriya.raman@example.com',
    );
    expect(checkRule(wordLimitRule, letter, contextFor(fixture, 'tech'))).toEqual([]);
  });

  it('fails one word over, quoting everything past the limit', () => {
    const letter = letterOf('Dear Dana Ortiz,', [words(200), words(51)]);
    const start = letter.indexOf('word51', letter.indexOf('word200'));
    const end = letter.indexOf('\n\nBest,');
    expect(checkRule(wordLimitRule, letter, contextFor(fixture, 'tech'))).toEqual([
      {
        ruleId: 'word-limit',
        severity: 'error',
        message:
          'Cut 1 word: the body has 251 words and the limit is 250. Shorten the longest paragraph or drop the weakest example; everything quoted here is past the limit.',
        evidence: { text: letter.slice(start, end), start, end },
      },
    ]);
  });

  it('follows --max-words', () => {
    const letter = letterOf('Dear Dana Ortiz,', [words(120)]);
    expect(checkRule(wordLimitRule, letter, contextFor(fixture, 'tech', { maxWords: 100 }))).toEqual([
      expect.objectContaining({
        message:
          'Cut 20 words: the body has 120 words and the limit is 100. Shorten the longest paragraph or drop the weakest example; everything quoted here is past the limit.',
      }),
    ]);
    expect(checkRule(wordLimitRule, letter, contextFor(fixture, 'tech', { maxWords: 120 }))).toEqual([]);
  });

  it('counts "real-time", "40%" and "Node.js" as one word each', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I cut real-time latency by 40% in Node.js.']);
    expect(checkRule(wordLimitRule, letter, contextFor(fixture, 'tech', { maxWords: 8 }))).toEqual([]);
    expect(checkRule(wordLimitRule, letter, contextFor(fixture, 'tech', { maxWords: 7 }))).toHaveLength(1);
  });
});
