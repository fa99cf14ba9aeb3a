import { z } from 'zod';
import { writeFileAtomic } from '../../output/write-file-atomic.js';
import { readBaselineFile } from '../read-baseline-file.js';
import type { LetterOutcome } from './run-letters-eval.js';
import { agrees, type LetterRule, letterRules } from './score-letter.js';

/** The bar for every rule, on dev and reported on the holdout; a run reports it, a regression fails it. */
export const letterTargets = { agreement: 0.95, precision: 0.95, recall: 0.9 } as const;

/** Per letter, the rules the critic agreed with the labels on when the baseline was blessed. */
const BaselineSchema = z.object({
  letters: z.record(z.string(), z.array(z.enum(letterRules))),
});
export type LettersBaseline = z.infer<typeof BaselineSchema>;

export function baselineOf(outcomes: readonly LetterOutcome[]): LettersBaseline {
  const letters: Record<string, LetterRule[]> = {};
  for (const outcome of [...outcomes].sort((a, b) => a.label.id.localeCompare(b.label.id)))
    letters[outcome.label.id] = letterRules.filter((rule) => agrees(outcome.verdicts[rule]));
  return { letters };
}

export function readBaseline(path: string): Promise<LettersBaseline | null> {
  return readBaselineFile(path, BaselineSchema, 'a real-letters baseline');
}

/**
 * Merges this run into the baseline: letters this run read are replaced, letters whose text is not here (an
 * unlicensed source not rebuilt) keep their blessed verdicts, so blessing on a partial checkout loses nothing.
 */
export async function writeBaseline(
  path: string,
  previous: LettersBaseline | null,
  outcomes: readonly LetterOutcome[],
): Promise<void> {
  const letters = { ...(previous?.letters ?? {}), ...baselineOf(outcomes).letters };
  const sorted = Object.fromEntries(Object.entries(letters).sort(([a], [b]) => a.localeCompare(b)));
  await writeFileAtomic(path, `${JSON.stringify({ letters: sorted }, null, 2)}\n`);
}

/** A rule that agreed with a letter's label in the baseline and disagrees now. */
export interface LetterRegression {
  readonly id: string;
  readonly rule: LetterRule;
}

export function regressionsAgainst(
  baseline: LettersBaseline,
  outcomes: readonly LetterOutcome[],
): LetterRegression[] {
  const regressions: LetterRegression[] = [];
  for (const outcome of outcomes)
    for (const rule of baseline.letters[outcome.label.id] ?? [])
      if (!agrees(outcome.verdicts[rule])) regressions.push({ id: outcome.label.id, rule });
  return regressions;
}
