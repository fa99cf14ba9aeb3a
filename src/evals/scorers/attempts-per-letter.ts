import { createScorer } from '../scorer.js';

/** Drafts written per letter, the first included: revisions cost time and, live, money. */
export const attemptsPerLetter = createScorer({
  name: 'attempts-per-letter',
  description: 'drafts written per letter, the first draft included',
  kind: 'measure',
  better: 'lower',
  unit: 'attempts',
  binary: false,
  tolerance: { absolute: 0.05, relative: 0.05 },
  score: (_evalCase, result) => result.attempts.length,
});
