import { describe, expect, it } from 'vitest';
import { renderConfident, summarizeConfident } from '../../../src/evals/reading/confident-readings.js';
import type { ReadingOutcome } from '../../../src/evals/reading/run-reading-eval.js';
import type { ReadingVerdicts } from '../../../src/evals/reading/score-reading.js';

const hook = { text: 'Project Relay', evidence: 'Project Relay' };
const verdicts: ReadingVerdicts = {
  industry: true,
  company: true,
  'hook-named': true,
  'hook-none': null,
  role: true,
  'hiring-manager': null,
  'hiring-manager-none': true,
};

function outcome(
  split: 'dev' | 'holdout',
  confidence: number,
  found: { company: string | null; hook: typeof hook | null },
  judged: Partial<ReadingVerdicts> = {},
): ReadingOutcome {
  return {
    label: { id: `case-${Math.random()}`, split } as ReadingOutcome['label'],
    reading: {
      industry: { industry: 'tech', confidence, signals: [] },
      analysis: { ...found, role: null, hiringManager: null, requiredTools: [] },
    },
    refused: null,
    verdicts: { ...verdicts, ...judged },
    ms: 1,
  };
}

describe('summarizeConfident', () => {
  it('counts the readings --analysis auto would trust on a split, and how many of them the labels agree with', () => {
    const outcomes = [
      outcome('dev', 0.9, { company: 'Orbitly', hook }),
      outcome('dev', 0.9, { company: 'Acme', hook }, { company: false, 'hook-named': false }),
      outcome('dev', 0.5, { company: 'Acme', hook }),
      outcome('dev', 0.9, { company: null, hook }),
      outcome('dev', 0.9, { company: 'Acme', hook: null }),
      outcome('holdout', 0.9, { company: 'Acme', hook }),
    ];
    const dev = summarizeConfident(outcomes, 'dev');
    expect(dev).toEqual({ split: 'dev', postings: 5, confident: 2, industry: 2, company: 1, hook: 1 });
    expect(renderConfident([dev])).toContain(
      'dev: 0.400 (2/5) skipped; of those, industry 1.000 (2/2), company 0.500 (1/2), hook 0.500 (1/2)',
    );
  });
});
