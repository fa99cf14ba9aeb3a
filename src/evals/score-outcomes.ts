import type { Finding } from '../critic/finding.js';
import type { PipelineResult } from '../pipeline/run-pipeline.js';
import type { CaseOutcome } from './run-evals.js';
import type { Scorer, ScorerContext } from './scorer.js';

/** Per rule: the runs that checked it, and in how many it found nothing at error level on the first and final draft. */
export interface RuleOutcome {
  readonly runs: number;
  readonly first: number;
  readonly final: number;
}

/** A failing rule in the final letter, with its evidence, for the report's worst cases. */
export interface FailedRule {
  readonly ruleId: string;
  readonly message: string;
  readonly evidence: string | null;
}

/** One case's scores over all its runs: means per scorer, pass^N, and what the first run produced. */
export interface ScoredCase {
  readonly id: string;
  readonly postingId: string;
  readonly profileId: string;
  /** The labelled industry. */
  readonly industry: string;
  readonly traits: readonly string[];
  readonly runs: number;
  /** Runs whose final letter passed every error-level rule. */
  readonly passes: number;
  /** pass^N: every run passed. The baseline's pass/fail per case. */
  readonly passed: boolean;
  /** Mean over runs; null when no run said anything about it. */
  readonly scores: Readonly<Record<string, number | null>>;
  /** The industry each run classified. */
  readonly predicted: readonly string[];
  readonly rules: Readonly<Record<string, RuleOutcome>>;
  readonly errors: readonly { readonly repeat: number; readonly code: string; readonly message: string }[];
  /** The first run's answer, for the report. */
  readonly first: {
    readonly status: PipelineResult['status'] | 'error';
    readonly company: string | null;
    readonly hook: string | null;
    readonly attempts: number;
    readonly failedRules: readonly FailedRule[];
    readonly letter: string | null;
  };
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function errorFindings(result: PipelineResult, attemptNumber: number): Finding[] {
  const attempt = result.attempts.find((item) => item.attempt === attemptNumber);
  return (attempt?.critique.findings ?? []).filter((finding) => finding.severity === 'error');
}

function ruleOutcomes(results: readonly PipelineResult[]): Record<string, RuleOutcome> {
  const tallies = new Map<string, { runs: number; first: number; final: number }>();
  for (const result of results) {
    const firstAttempt = result.attempts[0];
    if (firstAttempt === undefined) continue;
    const firstFailed = new Set(errorFindings(result, 1).map((finding) => finding.ruleId));
    const finalFailed = new Set(errorFindings(result, result.bestAttempt).map((finding) => finding.ruleId));
    for (const ruleId of firstAttempt.critique.checked) {
      const tally = tallies.get(ruleId) ?? { runs: 0, first: 0, final: 0 };
      tally.runs++;
      if (!firstFailed.has(ruleId)) tally.first++;
      if (!finalFailed.has(ruleId)) tally.final++;
      tallies.set(ruleId, tally);
    }
  }
  return Object.fromEntries(tallies);
}

/**
 * Scores every run of every case. A run that errored scores 0 on every rate (a crash is not a pass) and nothing on
 * the measures; a case passes only when all its runs produced a letter that passes every error-level rule.
 */
export function scoreOutcomes(
  outcomes: readonly CaseOutcome[],
  scorers: readonly Scorer[],
  context: ScorerContext,
): ScoredCase[] {
  return outcomes.map(({ evalCase, runs }) => {
    const results = runs.flatMap((run) => (run.result === null ? [] : [run.result]));
    const scores: Record<string, number | null> = {};
    for (const scorer of scorers) {
      const values: number[] = [];
      for (const run of runs) {
        if (run.result === null) {
          if (scorer.kind === 'rate') values.push(0);
          continue;
        }
        const value = scorer.score(evalCase, run.result, context);
        if (value !== null) values.push(value);
      }
      scores[scorer.name] = mean(values);
    }
    const passes = results.filter((result) => result.status !== 'failed').length;
    const firstRun = runs[0];
    const firstResult = firstRun?.result ?? null;
    return {
      id: evalCase.id,
      postingId: evalCase.postingId,
      profileId: evalCase.profileId,
      industry: evalCase.label.industry,
      traits: evalCase.label.traits,
      runs: runs.length,
      passes,
      passed: runs.length > 0 && passes === runs.length,
      scores,
      predicted: results.map((result) => result.industry.industry),
      rules: ruleOutcomes(results),
      errors: runs.flatMap((run) => (run.error === null ? [] : [{ repeat: run.repeat, ...run.error }])),
      first:
        firstResult === null
          ? { status: 'error', company: null, hook: null, attempts: 0, failedRules: [], letter: null }
          : {
              status: firstResult.status,
              company: firstResult.analysis.company,
              hook: firstResult.analysis.hook?.text ?? null,
              attempts: firstResult.attempts.length,
              failedRules: errorFindings(firstResult, firstResult.bestAttempt).map((finding) => ({
                ruleId: finding.ruleId,
                message: finding.message,
                evidence: finding.evidence?.text ?? null,
              })),
              letter: firstResult.letter,
            },
    };
  });
}
