import { performance } from 'node:perf_hooks';
import { LedeError } from '../../errors.js';
import type { ReadingCase, ReadingLabel } from './reading-label.js';
import {
  type PostingReading,
  type ReadingField,
  type ReadingVerdicts,
  readingFields,
  scoreReading,
} from './score-reading.js';

/** Reads one posting's text the way lede does; throws a LedeError where lede refuses the posting. */
export type ReadPosting = (text: string, id: string) => Promise<PostingReading>;

export interface ReadingOutcome {
  readonly label: ReadingLabel;
  /** Null where lede refused the posting: every labelled field then counts as missed. */
  readonly reading: PostingReading | null;
  /** The refusal's error code. */
  readonly refused: string | null;
  readonly verdicts: ReadingVerdicts;
  readonly ms: number;
}

export interface FieldScore {
  readonly passed: number;
  readonly total: number;
  readonly rate: number | null;
}

export interface SplitSummary {
  readonly split: 'dev' | 'holdout';
  readonly postings: number;
  readonly fields: Record<ReadingField, FieldScore>;
  /** Industry recall: of the postings labelled X, how many were read as X. */
  readonly recall: Record<string, FieldScore>;
  readonly medianMs: number;
}

const refusedVerdicts = (label: ReadingLabel): ReadingVerdicts => ({
  industry: false,
  company: false,
  'hook-named': label.hook === null ? null : false,
  'hook-none': label.hook === null ? false : null,
  role: false,
  'hiring-manager': label.hiring_manager === null ? null : false,
  'hiring-manager-none': label.hiring_manager === null ? false : null,
});

/** Reads every case in order and judges each field; a refused posting is an outcome, not a crash. */
export async function runReadingEval(
  cases: readonly ReadingCase[],
  read: ReadPosting,
): Promise<ReadingOutcome[]> {
  const outcomes: ReadingOutcome[] = [];
  for (const { label, text } of cases) {
    const started = performance.now();
    try {
      const reading = await read(text, label.id);
      const ms = performance.now() - started;
      outcomes.push({ label, reading, refused: null, verdicts: scoreReading(label, reading), ms });
    } catch (error) {
      if (!(error instanceof LedeError)) throw error;
      const ms = performance.now() - started;
      outcomes.push({ label, reading: null, refused: error.code, verdicts: refusedVerdicts(label), ms });
    }
  }
  return outcomes;
}

function score(verdicts: readonly (boolean | null)[]): FieldScore {
  const judged = verdicts.filter((verdict): verdict is boolean => verdict !== null);
  const passed = judged.filter(Boolean).length;
  return { passed, total: judged.length, rate: judged.length === 0 ? null : passed / judged.length };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Per field and per industry, for one split. */
export function summarizeSplit(outcomes: readonly ReadingOutcome[], split: 'dev' | 'holdout'): SplitSummary {
  const mine = outcomes.filter((outcome) => outcome.label.split === split);
  const fields = Object.fromEntries(
    readingFields.map((field) => [field, score(mine.map((outcome) => outcome.verdicts[field]))]),
  ) as Record<ReadingField, FieldScore>;
  const industries = [...new Set(mine.map((outcome) => outcome.label.industry))].sort();
  const recall = Object.fromEntries(
    industries.map((industry) => [
      industry,
      score(
        mine
          .filter((outcome) => outcome.label.industry === industry)
          .map((outcome) => outcome.verdicts.industry),
      ),
    ]),
  );
  return {
    split,
    postings: mine.length,
    fields,
    recall,
    medianMs: median(mine.map((outcome) => outcome.ms)),
  };
}
