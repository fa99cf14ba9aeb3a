import { z } from 'zod';
import { writeFileAtomic } from '../../output/write-file-atomic.js';
import { readBaselineFile } from '../read-baseline-file.js';
import type { ReadingOutcome } from './run-reading-eval.js';
import { type ReadingField, readingFields } from './score-reading.js';

/**
 * The bar each field must reach (the posting-reading issue's targets), on the dev split and on the holdout. A run
 * reports them; what fails a run is a regression against the baseline, case by case.
 */
export const readingTargets: Record<ReadingField, number> = {
  industry: 0.97,
  company: 0.97,
  'hook-named': 0.85,
  'hook-none': 0.9,
  role: 0.95,
  'hiring-manager': 0.9,
  'hiring-manager-none': 0.95,
};

/** Per case, the fields it passed when the baseline was blessed. */
const BaselineSchema = z.object({
  cases: z.record(z.string(), z.array(z.enum(readingFields))),
});
export type ReadingBaseline = z.infer<typeof BaselineSchema>;

export function baselineOf(outcomes: readonly ReadingOutcome[]): ReadingBaseline {
  const cases: Record<string, ReadingField[]> = {};
  for (const outcome of [...outcomes].sort((a, b) => a.label.id.localeCompare(b.label.id)))
    cases[outcome.label.id] = readingFields.filter((field) => outcome.verdicts[field] === true);
  return { cases };
}

export function readBaseline(path: string): Promise<ReadingBaseline | null> {
  return readBaselineFile(path, BaselineSchema, 'a reading baseline');
}

/**
 * Merges this run into the baseline: cases this run read are replaced, cases it could not read (a text not rebuilt
 * here) keep their blessed verdicts, so blessing on a partial checkout loses nothing.
 */
export async function writeBaseline(
  path: string,
  previous: ReadingBaseline | null,
  outcomes: readonly ReadingOutcome[],
): Promise<void> {
  const cases = { ...(previous?.cases ?? {}), ...baselineOf(outcomes).cases };
  const sorted = Object.fromEntries(Object.entries(cases).sort(([a], [b]) => a.localeCompare(b)));
  await writeFileAtomic(path, `${JSON.stringify({ cases: sorted }, null, 2)}\n`);
}

/** A field a case passed in the baseline and misses now. */
export interface ReadingRegression {
  readonly id: string;
  readonly field: ReadingField;
}

export function regressionsAgainst(
  baseline: ReadingBaseline,
  outcomes: readonly ReadingOutcome[],
): ReadingRegression[] {
  const regressions: ReadingRegression[] = [];
  for (const outcome of outcomes) {
    for (const field of baseline.cases[outcome.label.id] ?? [])
      if (outcome.verdicts[field] !== true) regressions.push({ id: outcome.label.id, field });
  }
  return regressions;
}
