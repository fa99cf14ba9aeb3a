import { describe, expect, it } from 'vitest';
import { figureRegressions } from '../../../src/evals/drafting/eval-drafting.js';

const before = { 'early-career/dev': { distinct: 0.8, frame: 0.1, body: 1 } };

describe('figureRegressions', () => {
  it('fails a profile whose openings repeat more, whose third paragraphs share a frame more, or whose length drifts', () => {
    expect(
      figureRegressions({ 'early-career/dev': { distinct: 0.7, frame: 0.25, body: 0.9 } }, before),
    ).toEqual([
      'early-career/dev: distinct openings 0.700, was 0.800',
      'early-career/dev: commonest third-paragraph frame 0.250, was 0.100',
      'early-career/dev: body in range 0.900, was 1.000',
    ]);
  });

  it('lets a figure move by one letter in fifty, or improve, and ignores a profile the baseline does not hold', () => {
    expect(
      figureRegressions(
        {
          'early-career/dev': { distinct: 0.79, frame: 0.05, body: 0.99 },
          'new-profile/dev': { distinct: 0, frame: 1, body: 0 },
        },
        before,
      ),
    ).toEqual([]);
  });
});
