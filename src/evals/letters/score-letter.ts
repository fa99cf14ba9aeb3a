import type { Critique } from '../../critic/finding.js';
import type { LetterLabel } from './letter-label.js';

/** The rules scored on real letters, each with the label that says whether it should fire. */
export const letterRules = [
  'no-stock-opener',
  'opens-with-outcome',
  'names-tools',
  'no-framework-list',
  'no-placeholder',
] as const;
export type LetterRule = (typeof letterRules)[number];

/** Whether a careful reader expects the rule to fire on this letter. */
export function expectedToFire(label: LetterLabel, rule: LetterRule): boolean {
  switch (rule) {
    case 'no-stock-opener':
      return label.stock_opener;
    case 'opens-with-outcome':
      return !label.quantified_opening;
    case 'names-tools':
      return !label.tools_behind_result;
    case 'no-framework-list':
      return label.framework_list;
    case 'no-placeholder':
      return label.placeholder;
  }
}

/** One rule on one letter: what the reader expects beside what the critic did. */
export interface RuleVerdict {
  readonly expected: boolean;
  readonly fired: boolean;
}
export type LetterVerdicts = Record<LetterRule, RuleVerdict>;

/** A rule fired when it left any finding, error or warning. */
export function scoreLetter(label: LetterLabel, critique: Critique): LetterVerdicts {
  const fired = new Set(critique.findings.map((finding) => finding.ruleId));
  return Object.fromEntries(
    letterRules.map((rule) => [rule, { expected: expectedToFire(label, rule), fired: fired.has(rule) }]),
  ) as LetterVerdicts;
}

export const agrees = (verdict: RuleVerdict): boolean => verdict.expected === verdict.fired;
