import { createScorer } from '../scorer.js';

/** Prompt plus completion tokens per letter, as the endpoint reported them. */
export const tokensPerLetter = createScorer({
  name: 'tokens-per-letter',
  description: 'prompt and completion tokens per letter, as the endpoint reported them',
  kind: 'measure',
  better: 'lower',
  unit: 'tokens',
  binary: false,
  tolerance: { absolute: 1, relative: 0.15 },
  score: (_evalCase, result) => result.usage.promptTokens + result.usage.completionTokens,
});
