import type { PipelineResult } from '../../pipeline/run-pipeline.js';
import { createScorer } from '../scorer.js';

/** The critic's grounding rules: a number, employer or tool in the letter that the profile does not hold. */
export function isGroundingRule(ruleId: string): boolean {
  return ruleId.startsWith('grounded-');
}

/** Grounding findings in the letter lede hands over. */
export function groundingFindings(result: PipelineResult) {
  const best = result.attempts.find((attempt) => attempt.attempt === result.bestAttempt);
  return (best?.critique.findings ?? []).filter((finding) => isGroundingRule(finding.ruleId));
}

/** Claims in the final letter the profile does not back. The goal is zero; any increase fails the run. */
export const groundingViolations = createScorer({
  name: 'grounding-violations',
  description: 'findings of the grounded-* rules in the final letter: claims not in the profile (goal: zero)',
  kind: 'measure',
  better: 'lower',
  unit: 'findings',
  binary: false,
  tolerance: { absolute: 0 },
  score: (_evalCase, result) => groundingFindings(result).length,
});
