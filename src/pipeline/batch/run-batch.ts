import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { InputError, LedeError, OutputError } from '../../errors.js';
import { decodeText, maxInputBytes } from '../../input/read-text-file.js';
import type { PlaybookSet } from '../../playbooks/playbook-schema.js';
import { parsePosting } from '../../posting/load-posting.js';
import type { Profile } from '../../profile/profile-schema.js';
import { analyzeLetter } from '../critic/letter-anatomy.js';
import type { Rule } from '../critic/rule.js';
import type { Engine } from '../engine.js';
import { type PipelineOptions, type PipelineResult, runPipeline } from '../run-pipeline.js';
import { addUsage, noUsage, type Usage } from '../usage.js';
import {
  type BatchFinding,
  type BatchRow,
  type BatchSummary,
  batchExitCode,
  countRows,
  failureHistogram,
  type StopReason,
} from './batch-summary.js';
import { estimatePosting } from './estimate-cost.js';
import type { FoundPosting } from './find-postings.js';
import { formatJsonWithItemLines } from './format-json.js';
import { inputHashFor } from './input-hash.js';
import { isFatalLlmError, withBatchLimits } from './limited-engine.js';
import { type ManifestEntry, ManifestWriter } from './manifest.js';
import { type OutputFiles, outputFilesFor } from './output-names.js';
import { isSuccess, prepareBatch, reusableEntry } from './prepare-batch.js';
import { costOf, type ModelPrice } from './price-table.js';
import type { Progress } from './progress.js';
import { RateLimiter, type RateLimits, type Sleep } from './rate-limiter.js';
import { writeFileAtomic } from './write-atomic.js';

export const summaryFileName = 'summary.json';

/** What `lede batch` was asked to do. Paths are absolute. */
export interface BatchOptions {
  readonly folder: string;
  readonly out: string;
  /** Include subfolders (`--recursive`). */
  readonly recursive: boolean;
  /** Redo every posting, even unchanged successes (`--force`). */
  readonly force: boolean;
  /** Postings in flight at once (`--concurrency`, default 4). */
  readonly concurrency: number;
  readonly pipeline: PipelineOptions;
  /** `--rpm` and `--tpm`. */
  readonly limits: RateLimits;
  /** Output tokens one call may use, for the token budget's estimate. */
  readonly maxOutputTokens: number;
  /** Stop before the estimated spend would pass this (`--max-cost`, US dollars). */
  readonly maxCostUsd?: number | undefined;
  /** The model's price (already discounted for the Batch API); undefined when unknown. */
  readonly price?: ModelPrice | undefined;
  /** Options that change letters, for the manifest's input hash (temperature, templates, ...). */
  readonly config: Record<string, unknown>;
}

/** Letters of one batch, for the batch-level check. */
export interface BatchLetter {
  readonly source: string;
  readonly company: string | null;
  readonly letter: string;
}

export interface BatchDeps {
  readonly engine: Engine;
  readonly profile: Profile;
  readonly playbooks: PlaybookSet;
  /** The report as Markdown, for `<name>.report.md`. */
  readonly renderReport: (result: PipelineResult) => string;
  readonly progress: Progress;
  /** First SIGINT/SIGTERM: take no new postings, let those in flight finish. */
  readonly stopSignal?: AbortSignal | undefined;
  /** Second signal: abort the postings in flight too. */
  readonly abortSignal?: AbortSignal | undefined;
  /** Checks the letters against each other (shared openings, wrong company). */
  readonly checkBatch?: ((letters: readonly BatchLetter[]) => BatchFinding[]) | undefined;
  readonly rules?: readonly Rule[] | undefined;
  /** Called after every posting (the CLI keeps the heap flat with it); see `createHeapGuard`. */
  readonly afterPosting?: (() => void) | undefined;
  /** The rate limiter, when the caller also feeds it the endpoint's headers; else one is built from `limits`. */
  readonly limiter?: RateLimiter | undefined;
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

function errorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof LedeError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function rowFromEntry(entry: ManifestEntry, unchanged: boolean): BatchRow {
  return {
    posting: entry.posting,
    status: entry.status,
    unchanged,
    industry: entry.industry,
    company: entry.company,
    attempts: entry.attempts,
    words: entry.words,
    outputs: entry.outputs,
    failedRules: entry.failedRules,
    error: entry.error,
    usage: unchanged ? noUsage : entry.usage,
  };
}

function emptyRow(posting: string, status: BatchRow['status'], error: unknown = null): BatchRow {
  return {
    posting,
    status,
    unchanged: false,
    industry: null,
    company: null,
    attempts: 0,
    words: 0,
    outputs: null,
    failedRules: [],
    error: error === null ? null : errorInfo(error),
    usage: noUsage,
  };
}

/** A finished batch: its summary, and the error that stopped it (to report after the summary), if one did. */
export interface BatchRun {
  readonly summary: BatchSummary;
  /** `summary.json` as written. */
  readonly summaryJson: string;
  readonly fatal: LedeError | undefined;
}

/**
 * Runs the pipeline over every posting in a folder: several at once within the rate budgets, each letter and report
 * written atomically and recorded in the manifest as soon as it is done, unchanged successes from an earlier run
 * kept. A bad posting is reported and the batch goes on; an error no retry can fix, a signal or the budget stops it.
 */
export async function runBatch(options: BatchOptions, deps: BatchDeps): Promise<BatchRun> {
  const now = deps.now ?? Date.now;
  const startedAt = new Date(now());
  const prepared = await prepareBatch({
    folder: options.folder,
    out: options.out,
    recursive: options.recursive,
    profile: deps.profile,
    playbooks: deps.playbooks,
    config: { ...options.config, ...options.pipeline },
    engine: deps.engine,
  });
  const { postings, skippedFiles, stems, fingerprint } = prepared;
  try {
    await mkdir(options.out, { recursive: true });
  } catch (error) {
    throw new OutputError('output.folder-failed', `${options.out} cannot be created`, {
      file: options.out,
      hint: 'check the path and its permissions',
      cause: error,
    });
  }
  const manifest = new ManifestWriter(options.out, prepared.manifest);

  const hard = new AbortController();
  const onAbort = (): void => hard.abort(deps.abortSignal?.reason);
  deps.abortSignal?.addEventListener('abort', onAbort, { once: true });
  let stopReason: StopReason | null = null;
  let fatal: LedeError | null = null;

  const limiter =
    deps.limiter ??
    new RateLimiter(options.limits, { now, ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }) });

  let spentUsage: Usage = noUsage;
  const spentUsd = (): number => (options.price === undefined ? 0 : costOf(spentUsage, options.price));
  const engine =
    deps.engine.name === 'offline'
      ? deps.engine
      : withBatchLimits(deps.engine, {
          limiter,
          maxOutputTokens: options.maxOutputTokens,
          onUsage: (usage) => {
            spentUsage = addUsage(spentUsage, usage);
          },
          onPause: (ms) =>
            deps.progress.note(`rate-limited by the endpoint: pausing ${Math.ceil(ms / 1000)}s`),
        });
  const profileChars = JSON.stringify(deps.profile).length;
  let reservedUsd = 0;

  // Rows of postings the manifest does not describe (stopped, interrupted); the rest are read back from it at the end,
  // so ten thousand postings are not held twice.
  const rows = new Map<string, BatchRow>();
  const unchangedPostings = new Set<string>();
  const recordedPostings = new Set<string>();
  const letters: BatchLetter[] = [];
  let done = 0;
  let failed = 0;
  const total = postings.length;
  const finish = (row: BatchRow): void => {
    done++;
    if (!isSuccess(row.status)) failed++;
    deps.afterPosting?.();
    deps.progress.postingDone(row.posting, row.unchanged ? `${row.status} (unchanged)` : row.status, {
      done,
      failed,
      total,
    });
  };

  const stop = (reason: StopReason, message: string): void => {
    if (stopReason !== null) return;
    stopReason = reason;
    queue.clear();
    deps.progress.note(message);
  };
  const onStop = (): void =>
    stop('signal', 'stopping: no new postings; the ones in flight finish (signal again to abort them)');
  deps.stopSignal?.addEventListener('abort', onStop, { once: true });

  const processPosting = async (posting: FoundPosting): Promise<void> => {
    const stem = stems.get(posting.relative) ?? posting.relative;
    const files = outputFilesFor(stem);
    let bytes: Buffer;
    try {
      bytes = await readFile(posting.path);
    } catch (error) {
      const failure = new InputError('posting.unreadable', `${posting.relative} cannot be read`, {
        file: posting.path,
        cause: error,
      });
      await record(posting.relative, '', emptyRow(posting.relative, 'bad-input', failure));
      return;
    }
    const inputHash = inputHashFor(bytes, fingerprint);
    const previous = await reusableEntry(
      manifest.manifest,
      posting.relative,
      inputHash,
      options.out,
      options.force,
    );
    if (previous !== undefined && previous.outputs !== null) {
      if (deps.checkBatch !== undefined) {
        const letter = await readFile(join(options.out, previous.outputs.letter), 'utf8').catch(() => '');
        letters.push({ source: posting.relative, company: previous.company, letter: letter.trim() });
      }
      unchangedPostings.add(posting.relative);
      finish(rowFromEntry(previous, true));
      return;
    }

    let reservation = 0;
    if (options.maxCostUsd !== undefined && options.price !== undefined) {
      const estimate = estimatePosting(bytes.length, profileChars, options.pipeline.maxAttempts).high;
      reservation = costOf(estimate, options.price);
      if (spentUsd() + reservedUsd + reservation > options.maxCostUsd) {
        stop(
          'budget',
          `stopping: the next posting could take the spend past --max-cost $${options.maxCostUsd} ` +
            `(spent about $${spentUsd().toFixed(4)}, in flight up to $${reservedUsd.toFixed(4)})`,
        );
        rows.set(posting.relative, emptyRow(posting.relative, 'not-run'));
        return;
      }
      reservedUsd += reservation;
    }
    try {
      if (bytes.length > maxInputBytes) {
        throw new InputError(
          'posting.too-large',
          `${posting.relative} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
          {
            file: posting.path,
            hint: 'save only the posting text',
          },
        );
      }
      const parsed = parsePosting(decodeText(bytes, posting.path, 'posting'), posting.relative);
      const result = await runPipeline(
        parsed,
        deps.profile,
        { engine, playbooks: deps.playbooks, signal: hard.signal, rules: deps.rules },
        options.pipeline,
      );
      await writeOutputs(files, result);
      const best = result.attempts.find((attempt) => attempt.attempt === result.bestAttempt);
      const row: BatchRow = {
        posting: posting.relative,
        status: result.status,
        unchanged: false,
        industry: result.industry.industry,
        company: result.analysis.company,
        attempts: result.attempts.length,
        words: analyzeLetter(result.letter, deps.playbooks.common).wordCount,
        outputs: files,
        failedRules: [
          ...new Set(
            (best?.critique.findings ?? [])
              .filter((finding) => finding.severity === 'error')
              .map((finding) => finding.ruleId),
          ),
        ],
        error: null,
        usage: result.usage,
      };
      if (deps.checkBatch !== undefined) {
        letters.push({ source: posting.relative, company: result.analysis.company, letter: result.letter });
      }
      await record(posting.relative, inputHash, row);
    } catch (error) {
      if (hard.signal.aborted && !(error instanceof InputError)) {
        rows.set(posting.relative, emptyRow(posting.relative, 'interrupted', error));
        return;
      }
      if (isFatalLlmError(error) || error instanceof OutputError) {
        fatal ??= error;
        stop('fatal', error.message);
        hard.abort(error);
        rows.set(posting.relative, emptyRow(posting.relative, 'error', error));
        return;
      }
      const status = error instanceof InputError ? 'bad-input' : 'error';
      await record(posting.relative, inputHash, emptyRow(posting.relative, status, error));
    } finally {
      reservedUsd -= reservation;
    }
  };

  const writeOutputs = async (files: OutputFiles, result: PipelineResult): Promise<void> => {
    await writeFileAtomic(join(options.out, files.reportJson), `${JSON.stringify(result, null, 2)}\n`);
    await writeFileAtomic(join(options.out, files.report), deps.renderReport(result));
    // The letter goes last: its presence is what tells a rerun the posting is done.
    await writeFileAtomic(join(options.out, files.letter), `${result.letter}\n`);
  };

  const record = async (posting: string, inputHash: string, row: BatchRow): Promise<void> => {
    const entry: ManifestEntry = {
      posting,
      inputHash,
      status: row.status === 'not-run' || row.status === 'interrupted' ? 'error' : row.status,
      outputs: row.outputs,
      industry: row.industry,
      company: row.company,
      attempts: row.attempts,
      words: row.words,
      usage: row.usage,
      failedRules: row.failedRules,
      error: row.error,
      finishedAt: new Date(now()).toISOString(),
    };
    await manifest.record(entry);
    recordedPostings.add(posting);
    finish(row);
  };

  const queue = new PQueue({ concurrency: options.concurrency });
  deps.progress.start(total);
  if (deps.stopSignal?.aborted) onStop();
  try {
    for (const posting of postings) {
      if (stopReason !== null) break;
      // Feed the queue a little at a time: ten thousand postings never sit in memory at once.
      await queue.onSizeLessThan(options.concurrency);
      if (stopReason !== null) break;
      queue
        .add(() => processPosting(posting))
        .catch((error: unknown) => {
          // Clearing the queue on a stop rejects the postings still waiting: they were simply not run.
          if (stopReason === null) rows.set(posting.relative, emptyRow(posting.relative, 'error', error));
        });
    }
    await queue.onIdle();
  } finally {
    deps.stopSignal?.removeEventListener('abort', onStop);
    deps.abortSignal?.removeEventListener('abort', onAbort);
    deps.progress.finish();
    await manifest.snapshot().finally(() => manifest.close());
  }

  const rowOf = (posting: string): BatchRow => {
    const row = rows.get(posting);
    if (row !== undefined) return row;
    const entry = manifest.manifest.entries[posting];
    const unchanged = unchangedPostings.has(posting);
    if (entry === undefined || !(unchanged || recordedPostings.has(posting)))
      return emptyRow(posting, 'not-run');
    return rowFromEntry(entry, unchanged);
  };
  const ordered = postings.map((posting) => rowOf(posting.relative));
  const batchFindings = deps.checkBatch?.(letters) ?? [];
  const stopExit = (fatal as LedeError | null)?.exitCode;
  const summary: BatchSummary = {
    folder: options.folder,
    out: options.out,
    engine: deps.engine.name,
    model: deps.engine.model,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(now()).toISOString(),
    durationMs: now() - startedAt.getTime(),
    counts: countRows(ordered),
    usage:
      engine === deps.engine ? ordered.reduce((sum, row) => addUsage(sum, row.usage), noUsage) : spentUsage,
    estimatedCostUsd: deps.engine.name === 'offline' ? 0 : options.price === undefined ? null : spentUsd(),
    stopReason,
    fatalError: fatal === null ? null : errorInfo(fatal),
    exitCode: batchExitCode(ordered, { reason: stopReason, fatalExitCode: stopExit }, batchFindings),
    skippedFiles: [...skippedFiles],
    failureHistogram: failureHistogram(ordered),
    batchFindings,
    rows: ordered,
  };
  const summaryJson = formatJsonWithItemLines(summary, 'rows');
  await writeFileAtomic(join(options.out, summaryFileName), summaryJson);
  return { summary, summaryJson, fatal: fatal ?? undefined };
}
