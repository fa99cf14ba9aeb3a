import { describe, expect, it } from 'vitest';
import type { Critique, Finding } from '../../../src/critic/finding.js';
import type { LetterLabel } from '../../../src/evals/letters/letter-label.js';
import {
  type LetterOutcome,
  scoreRule,
  summarizeLetters,
} from '../../../src/evals/letters/run-letters-eval.js';
import { scoreLetter } from '../../../src/evals/letters/score-letter.js';

const label = (overrides: Partial<LetterLabel> = {}): LetterLabel =>
  ({
    id: 'a',
    split: 'dev',
    stock_opener: false,
    quantified_opening: true,
    tools_behind_result: true,
    framework_list: false,
    placeholder: false,
    ...overrides,
  }) as LetterLabel;

const finding = (ruleId: string, severity: Finding['severity'] = 'error'): Finding => ({
  ruleId,
  severity,
  message: 'm',
  evidence: null,
});
const critique = (...findings: Finding[]): Critique => ({
  passed: true,
  industry: 'general',
  findings,
  skipped: [],
  checked: [],
});

describe('scoring the critic on a labelled letter', () => {
  it('expects a rule to fire where the letter has its problem, and reads warnings as firing too', () => {
    const verdicts = scoreLetter(
      label({ stock_opener: true, quantified_opening: false }),
      critique(finding('no-stock-opener'), finding('names-tools', 'warning')),
    );
    expect(verdicts).toEqual({
      'no-stock-opener': { expected: true, fired: true },
      'opens-with-outcome': { expected: true, fired: false },
      'names-tools': { expected: false, fired: true },
      'no-framework-list': { expected: false, fired: false },
      'no-placeholder': { expected: false, fired: false },
    });
  });

  it('counts agreement, precision and recall with firing as positive', () => {
    const outcome = (id: string, expected: boolean, fired: boolean): LetterOutcome => ({
      label: label({ id, placeholder: expected }),
      critique: critique(...(fired ? [finding('no-placeholder')] : [])),
      verdicts: scoreLetter(
        label({ placeholder: expected }),
        critique(...(fired ? [finding('no-placeholder')] : [])),
      ),
    });
    const outcomes = [
      outcome('a', true, true),
      outcome('b', true, false),
      outcome('c', false, true),
      outcome('d', false, false),
    ];
    expect(scoreRule(outcomes, 'no-placeholder')).toEqual({
      letters: 4,
      agreed: 2,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      agreement: 0.5,
      precision: 0.5,
      recall: 0.5,
    });
    expect(summarizeLetters(outcomes, 'holdout').letters).toBe(0);
    expect(summarizeLetters(outcomes, 'holdout').rules['no-placeholder'].precision).toBeNull();
  });
});
