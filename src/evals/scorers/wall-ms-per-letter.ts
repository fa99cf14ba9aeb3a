import { createScorer } from '../scorer.js';

/** Time from posting to final letter. Reported, never gated: machines and endpoints vary too much. */
export const wallMsPerLetter = createScorer({
  name: 'wall-ms-per-letter',
  description: 'milliseconds from posting to final letter (reported only; too noisy to gate on)',
  kind: 'measure',
  better: 'lower',
  unit: 'ms',
  binary: false,
  tolerance: null,
  score: (_evalCase, result) => result.timings.totalMs,
});
