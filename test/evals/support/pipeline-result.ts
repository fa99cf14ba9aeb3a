import type { Finding } from '../../../src/critic/finding.js';
import type { Attempt } from '../../../src/pipeline/revise-letter.js';
import type { PipelineResult } from '../../../src/pipeline/run-pipeline.js';
import { noUsage } from '../../../src/pipeline/usage.js';

export function attempt(
  number: number,
  findings: Finding[] = [],
  letter = 'Dear Ana,\n\nI cut costs by 10%.\n\nBest,\nRobin',
): Attempt {
  return {
    attempt: number,
    draft: { letter, usedFactIds: [] },
    critique: {
      passed: !findings.some((finding) => finding.severity === 'error'),
      industry: 'tech',
      findings,
      skipped: [],
      checked: ['no-bracket', 'grounded-claims'],
    },
    usage: noUsage,
    durationMs: 1,
  };
}

export function finding(ruleId: string, severity: 'error' | 'warning' = 'error'): Finding {
  return { ruleId, severity, message: `fix ${ruleId}`, evidence: { text: '40%', start: 0, end: 3 } };
}

/** A pipeline result with sensible defaults: one passing attempt, nothing extracted. */
export function pipelineResult(overrides: Partial<PipelineResult> = {}): PipelineResult {
  const attempts = overrides.attempts ?? [attempt(1)];
  return {
    source: 'posting.txt',
    engine: 'offline',
    model: 'offline',
    industry: { industry: 'tech', confidence: 0.9, signals: [] },
    analysis: { company: null, role: null, hiringManager: null, hook: null, requiredTools: [] },
    letter: attempts[attempts.length - 1]?.draft.letter ?? '',
    usedFactIds: [],
    status: 'passed',
    bestAttempt: 1,
    attempts,
    usage: noUsage,
    timings: { analyzeMs: 2, draftMs: 1, reviseMs: 1, totalMs: 4 },
    ...overrides,
  };
}
