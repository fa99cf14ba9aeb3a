import { describe, expect, it } from 'vitest';
import { gapSentence } from '../../../src/engines/offline/gap-sentence.js';

describe('gapSentence', () => {
  it('says what the candidate does with the comparable tool, in one sentence per kind of gap', () => {
    expect(gapSentence([{ tool: 'MLflow', comparable: 'Weights & Biases' }])).toBe(
      "I haven't used MLflow yet, but I track experiments with Weights & Biases and know the problems it solves.",
    );
    expect(
      gapSentence([
        { tool: 'Feast', comparable: 'Redis' },
        { tool: 'Prometheus', comparable: 'Datadog' },
      ]),
    ).toBe("I haven't used Feast or Prometheus yet, but I have done the same work with Redis and Datadog.");
    expect(
      gapSentence([
        { tool: 'Feast', comparable: 'Redis' },
        { tool: 'Azure', comparable: null },
      ]),
    ).toBe(
      "I haven't used Feast yet, but I serve features with Redis and know the problems it solves. I am new to Azure, and ready to pick it up quickly.",
    );
    expect(gapSentence([])).toBeNull();
  });
});
