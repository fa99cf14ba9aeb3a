import type { RefusedField } from '../../posting/reading-checks.js';
import { confidentIndustry, readingConfidence } from '../../posting/reading-confidence.js';
import type { ReadingOutcome } from './run-reading-eval.js';

/** How the offline readings `--analysis auto` trusts (no model call) fare on one split. */
export interface ConfidentSummary {
  readonly split: 'dev' | 'holdout';
  readonly postings: number;
  /** Readings confident enough to skip the model's analysis call. */
  readonly confident: number;
  /** Of those, how many agree with the label on each field the letter leans on. */
  readonly industry: number;
  readonly company: number;
  /** The hook where the posting names one, or no hook where it names none. */
  readonly hook: number;
}

function refusedOf(reading: unknown): readonly RefusedField[] {
  const refused = (reading as { refused?: readonly RefusedField[] }).refused;
  return Array.isArray(refused) ? refused : [];
}

/** Coverage (the share of postings that would cost no analysis call) and accuracy of the confident ones. */
export function summarizeConfident(
  outcomes: readonly ReadingOutcome[],
  split: 'dev' | 'holdout',
): ConfidentSummary {
  const mine = outcomes.filter((outcome) => outcome.label.split === split);
  const confident = mine.filter(
    (outcome) =>
      outcome.reading !== null && readingConfidence(outcome.reading, refusedOf(outcome.reading)).confident,
  );
  const count = (passes: (outcome: ReadingOutcome) => boolean) => confident.filter(passes).length;
  return {
    split,
    postings: mine.length,
    confident: confident.length,
    industry: count((outcome) => outcome.verdicts.industry === true),
    company: count((outcome) => outcome.verdicts.company === true),
    hook: count((outcome) => (outcome.verdicts['hook-named'] ?? outcome.verdicts['hook-none']) === true),
  };
}

function rate(part: number, whole: number): string {
  return whole === 0 ? '-' : `${(part / whole).toFixed(3)} (${part}/${whole})`;
}

/** The report's lines for `--analysis auto`: per split, how many readings skip the call and how right they are. */
export function renderConfident(summaries: readonly ConfidentSummary[]): string {
  const lines = [
    `Confident offline readings (--analysis auto skips the model's analysis call: industry confidence >= ${confidentIndustry}, company named, hook quoted, nothing refused):`,
  ];
  for (const summary of summaries)
    lines.push(
      `  ${summary.split}: ${rate(summary.confident, summary.postings)} skipped; of those, industry ${rate(
        summary.industry,
        summary.confident,
      )}, company ${rate(summary.company, summary.confident)}, hook ${rate(summary.hook, summary.confident)}`,
    );
  return lines.join('\n');
}
