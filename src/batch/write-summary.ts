import { join } from 'node:path';
import type { LedeError } from '../errors.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { Usage } from '../pipeline/usage.js';
import { errorInfo } from './batch-ledger.js';
import {
  type BatchFinding,
  type BatchRow,
  type BatchSummary,
  batchExitCode,
  countRows,
  failureHistogram,
  type StopReason,
} from './batch-summary.js';
import type { SkippedFile } from './find-postings.js';
import { jsonChunksWithItemLines } from './format-json.js';

export const summaryFileName = 'summary.json';

/** A finished batch: its summary, and the error that stopped it (to report after the summary), if one did. */
export interface BatchRun {
  readonly summary: BatchSummary;
  readonly fatal: LedeError | undefined;
}

/** The text of `summary.json`, in pieces (for ten thousand postings it is a few MB: never built as one string). */
export function summaryJsonChunks(summary: BatchSummary): Iterable<string> {
  return jsonChunksWithItemLines(summary, 'rows');
}

export interface SummaryInput {
  readonly folder: string;
  readonly out: string;
  readonly engine: { readonly name: string; readonly model: string };
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly rows: readonly BatchRow[];
  readonly usage: Usage;
  readonly estimatedCostUsd: number | null;
  readonly stopReason: StopReason | null;
  readonly fatal: LedeError | null;
  readonly skippedFiles: readonly SkippedFile[];
  readonly batchFindings: readonly BatchFinding[];
}

/** Builds the summary and writes `summary.json` (atomically) into the output folder. */
export async function writeSummary(input: SummaryInput): Promise<BatchRun> {
  const summary: BatchSummary = {
    folder: input.folder,
    out: input.out,
    engine: input.engine.name,
    model: input.engine.model,
    startedAt: new Date(input.startedAt).toISOString(),
    finishedAt: new Date(input.finishedAt).toISOString(),
    durationMs: input.finishedAt - input.startedAt,
    counts: countRows(input.rows),
    usage: input.usage,
    estimatedCostUsd: input.estimatedCostUsd,
    stopReason: input.stopReason,
    fatalError: input.fatal === null ? null : errorInfo(input.fatal),
    exitCode: batchExitCode(
      input.rows,
      { reason: input.stopReason, fatal: input.fatal },
      input.batchFindings,
    ),
    skippedFiles: [...input.skippedFiles],
    failureHistogram: failureHistogram(input.rows),
    batchFindings: [...input.batchFindings],
    rows: [...input.rows],
  };
  await writeFileAtomic(join(input.out, summaryFileName), summaryJsonChunks(summary));
  return { summary, fatal: input.fatal ?? undefined };
}
