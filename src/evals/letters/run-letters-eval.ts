import type { Critique } from '../../critic/finding.js';
import type { LetterCase, LetterLabel } from './letter-label.js';
import { agrees, type LetterRule, type LetterVerdicts, letterRules, scoreLetter } from './score-letter.js';

export interface LetterOutcome {
  readonly label: LetterLabel;
  readonly critique: Critique;
  readonly verdicts: LetterVerdicts;
}

/** Runs the critic on every letter and judges each scored rule against the labels. */
export function runLettersEval(
  cases: readonly LetterCase[],
  critique: (text: string) => Critique,
): LetterOutcome[] {
  return cases.map(({ label, text }) => {
    const result = critique(text);
    return { label, critique: result, verdicts: scoreLetter(label, result) };
  });
}

/** One rule on one split. Positive means "fires" (the letter has the problem). */
export interface RuleScore {
  readonly letters: number;
  readonly agreed: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly agreement: number | null;
  /** Of the letters it fired on, the share that have the problem; null when it fired on none. */
  readonly precision: number | null;
  /** Of the letters that have the problem, the share it fired on; null when none has it. */
  readonly recall: number | null;
}

export interface LettersSummary {
  readonly split: 'dev' | 'holdout';
  readonly letters: number;
  readonly rules: Record<LetterRule, RuleScore>;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function scoreRule(outcomes: readonly LetterOutcome[], rule: LetterRule): RuleScore {
  const verdicts = outcomes.map((outcome) => outcome.verdicts[rule]);
  const truePositives = verdicts.filter((v) => v.expected && v.fired).length;
  const falsePositives = verdicts.filter((v) => !v.expected && v.fired).length;
  const falseNegatives = verdicts.filter((v) => v.expected && !v.fired).length;
  const agreed = verdicts.filter(agrees).length;
  return {
    letters: verdicts.length,
    agreed,
    truePositives,
    falsePositives,
    falseNegatives,
    agreement: ratio(agreed, verdicts.length),
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
  };
}

export function summarizeLetters(
  outcomes: readonly LetterOutcome[],
  split: 'dev' | 'holdout',
): LettersSummary {
  const mine = outcomes.filter((outcome) => outcome.label.split === split);
  return {
    split,
    letters: mine.length,
    rules: Object.fromEntries(letterRules.map((rule) => [rule, scoreRule(mine, rule)])) as Record<
      LetterRule,
      RuleScore
    >,
  };
}
