import { describe, expect, it } from 'vitest';
import { gapSentence } from '../../../src/engines/offline/gap-sentence.js';

describe('gapSentence', () => {
  it('says what the candidate does with a comparable tool of the same kind, in one sentence per kind of gap', () => {
    expect(gapSentence([{ tool: 'MLflow', comparable: 'Weights & Biases' }])).toBe(
      "I haven't used MLflow yet, but I track experiments with Weights & Biases and know the problems it solves.",
    );
    expect(
      gapSentence([
        { tool: 'Feast', comparable: 'Redis' },
        { tool: 'Prometheus', comparable: 'Datadog' },
      ]),
    ).toBe(
      "I haven't used Feast or Prometheus yet; the closest tools I have worked with are Redis and Datadog.",
    );
    expect(
      gapSentence([
        { tool: 'Feast', comparable: 'Redis' },
        { tool: 'Azure', comparable: null },
      ]),
    ).toBe(
      "I haven't used Feast yet; the closest tool I have worked with is Redis. I am new to Azure, and ready to pick it up quickly.",
    );
    expect(gapSentence([])).toBeNull();
  });

  it('never claims the missing tool’s job for a stand-in that does another one (Spark is no stream processor)', () => {
    expect(gapSentence([{ tool: 'Flink', comparable: 'Spark' }])).toBe(
      "I haven't used Flink yet; the closest tool I have worked with is Spark.",
    );
  });
});
