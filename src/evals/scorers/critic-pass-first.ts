import { createScorer } from '../scorer.js';

/** The first draft passed every error-level rule, before any revision. */
export const criticPassFirst = createScorer({
  name: 'critic-pass-first',
  description: 'the first draft passes every error-level rule (no revision needed)',
  score: (_evalCase, result) => (result.attempts[0]?.critique.passed === true ? 1 : 0),
});
