import { describe, expect, it } from 'vitest';
import { fitToWordLimit, type LetterModel, renderLetter } from '../../../src/engines/offline/letter-model.js';
import { wordCount } from './offline-test-kit.js';

const model: LetterModel = {
  greeting: 'Dear Hiring Manager,',
  paragraphs: [
    [
      { text: 'I cut latency by 40% at Streamline.', role: 'opening', factId: 'a' },
      { text: 'I want to ship work like that at Kestrel.', role: 'bridge' },
    ],
    [
      { text: 'I also built the churn model.', role: 'support', factId: 'b' },
      { text: 'That work raised retention by 6%.', role: 'support', factId: 'b' },
    ],
    [
      { text: "Kestrel's work on autoplay is where I want to help.", role: 'hook' },
      { text: "I haven't used Flink yet.", role: 'gap' },
      { text: 'My ML experience so far comes from project work.', role: 'level' },
    ],
    [{ text: 'I would be glad to talk.', role: 'closing' }],
  ],
  signoff: 'Best,',
  signature: 'Priya Raman',
};

const count = (letter: string): number => wordCount(letter.split('\n').slice(1, -2).join(' '));

describe('letter model', () => {
  it('renders greeting, paragraphs and sign-off separated by blank lines', () => {
    expect(renderLetter(model).split('\n\n')).toHaveLength(6);
  });

  it('drops the weakest sentences first, a fact’s sentences together, and never the opening, hook or closing', () => {
    const fitted = fitToWordLimit(model, 35, count);
    expect(fitted.paragraphs.flat().map((sentence) => sentence.role)).toEqual([
      'opening',
      'hook',
      'gap',
      'closing',
    ]);
    expect(count(renderLetter(fitted))).toBeLessThanOrEqual(35);
  });

  it('leaves a letter within the limit alone', () => {
    expect(fitToWordLimit(model, 250, count)).toEqual(model);
  });
});
