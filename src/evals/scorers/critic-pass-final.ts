import { createScorer } from '../scorer.js';

/** The letter lede would hand over passes every error-level rule, after at most --max-attempts drafts. */
export const criticPassFinal = createScorer({
  name: 'critic-pass-final',
  description: 'the best attempt passes every error-level rule (after revision, within --max-attempts)',
  score: (_evalCase, result) => (result.status === 'failed' ? 0 : 1),
});
