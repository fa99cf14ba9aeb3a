import { z } from 'zod';
import { type BatchFinding, BatchFindingSchema } from '../critic/check-batch.js';
import { type LedeError, OutputError } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { UsageSchema } from '../pipeline/usage.js';
import { OutputFilesSchema, PostingStatusSchema } from './manifest.js';

/** A posting's line in the summary: the manifest's statuses, plus postings a stop left undone. */
export const RowStatusSchema = z.union([PostingStatusSchema, z.enum(['not-run', 'interrupted'])]);
export type RowStatus = z.infer<typeof RowStatusSchema>;

export const BatchRowSchema = z.object({
  posting: z.string(),
  status: RowStatusSchema,
  /** True when an earlier run's letter was kept (same inputs, already passed). */
  unchanged: z.boolean(),
  industry: z.string().nullable(),
  company: z.string().nullable(),
  attempts: z.number().int().min(0),
  words: z.number().int().min(0),
  outputs: OutputFilesSchema.nullable(),
  failedRules: z.array(z.string()),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  usage: UsageSchema,
});
export type BatchRow = z.infer<typeof BatchRowSchema>;

/** A finding of the batch-level check (shared openings, a letter naming another posting's company). */
export { type BatchFinding, BatchFindingSchema } from '../critic/check-batch.js';

export const StopReasonSchema = z.enum(['signal', 'budget', 'fatal']);
export type StopReason = z.infer<typeof StopReasonSchema>;

export const BatchCountsSchema = z.object({
  postings: z.number().int(),
  passed: z.number().int(),
  passedAfterRevision: z.number().int(),
  failed: z.number().int(),
  badInput: z.number().int(),
  error: z.number().int(),
  /** Kept from an earlier run; also counted under their status. */
  unchanged: z.number().int(),
  /** Not started (or stopped mid-way) because the batch stopped. */
  notRun: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCountsSchema>;

/** `summary.json`: everything the table shows and more, for scripts. */
export const BatchSummarySchema = z.object({
  folder: z.string(),
  out: z.string(),
  engine: z.string(),
  model: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  counts: BatchCountsSchema,
  /** Calls and tokens spent in this run (postings kept from earlier runs cost nothing). */
  usage: UsageSchema,
  /** From the price table; null when the model has no price there (or 0 for the offline engine). */
  estimatedCostUsd: z.number().nullable(),
  stopReason: StopReasonSchema.nullable(),
  /** The error that stopped the batch (quota, auth, disk), when one did. */
  fatalError: z.object({ code: z.string(), message: z.string() }).nullable(),
  exitCode: z.number().int(),
  skippedFiles: z.array(z.object({ relative: z.string(), reason: z.string() })),
  /** industry -> rule id -> how many letters still fail it. */
  failureHistogram: z.record(z.string(), z.record(z.string(), z.number().int())),
  batchFindings: z.array(BatchFindingSchema),
  rows: z.array(BatchRowSchema),
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

/** The counts of rows by status (an interrupted posting counts as not run); `unchanged` where a row says so. */
export function countRows(
  rows: readonly { readonly status: RowStatus; readonly unchanged?: boolean }[],
): BatchCounts {
  const counts = {
    postings: rows.length,
    passed: 0,
    passedAfterRevision: 0,
    failed: 0,
    badInput: 0,
    error: 0,
    unchanged: 0,
    notRun: 0,
  };
  for (const row of rows) {
    if (row.unchanged) counts.unchanged++;
    if (row.status === 'passed') counts.passed++;
    else if (row.status === 'passed-after-revision') counts.passedAfterRevision++;
    else if (row.status === 'failed') counts.failed++;
    else if (row.status === 'bad-input') counts.badInput++;
    else if (row.status === 'error') counts.error++;
    else counts.notRun++;
  }
  return counts;
}

/** Which error-level rules the final letters still fail, per industry, most frequent first. */
export function failureHistogram(rows: readonly BatchRow[]): Record<string, Record<string, number>> {
  const byIndustry = new Map<string, Map<string, number>>();
  for (const row of rows) {
    for (const ruleId of row.failedRules) {
      const industry = row.industry ?? 'unknown';
      const counts = byIndustry.get(industry) ?? new Map<string, number>();
      counts.set(ruleId, (counts.get(ruleId) ?? 0) + 1);
      byIndustry.set(industry, counts);
    }
  }
  const sorted: Record<string, Record<string, number>> = {};
  for (const industry of [...byIndustry.keys()].sort()) {
    const counts = byIndustry.get(industry) ?? new Map<string, number>();
    sorted[industry] = Object.fromEntries(
      [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    );
  }
  return sorted;
}

/**
 * The batch's exit code, most serious first: the error that stopped the batch (3 for the endpoint, 4 for the disk);
 * 130 when a signal or the budget stopped it; 3 when a posting's engine call failed; 2 when a posting could not be
 * read; 1 when a letter fails an error-level rule or an error-level batch check (the wrong company); else 0.
 */
export function batchExitCode(
  rows: readonly BatchRow[],
  stop: { reason: StopReason | null; fatal?: LedeError | null | undefined },
  batchFindings: readonly BatchFinding[],
): number {
  if (stop.reason === 'fatal') {
    return stop.fatal instanceof OutputError ? ExitCode.outputFailed : ExitCode.llmFailed;
  }
  if (stop.reason !== null) return ExitCode.interrupted;
  if (rows.some((row) => row.status === 'error')) return ExitCode.llmFailed;
  if (rows.some((row) => row.status === 'bad-input')) return ExitCode.badInput;
  const crossLetterErrors = batchFindings.some((finding) => finding.severity === 'error');
  if (rows.some((row) => row.status === 'failed') || crossLetterErrors) return ExitCode.rulesFailed;
  return ExitCode.ok;
}
