import PQueue from 'p-queue';
import type { BatchLetter } from '../critic/check-batch.js';
import type { Rule } from '../critic/rule.js';
import { InputError, type LedeError, OutputError } from '../errors.js';
import type { Engine } from '../pipeline/engine.js';
import { type PipelineOptions, type PipelineResult, runPipeline } from '../pipeline/run-pipeline.js';
import { addUsage, noUsage, type Usage } from '../pipeline/usage.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Profile } from '../profile/profile-schema.js';
import { openBatchOutput, postingFromBytes, readPostingBytes } from './batch-ledger.js';
import type { BatchFinding, StopReason } from './batch-summary.js';
import { estimatePosting } from './estimate-cost.js';
import type { FoundPosting } from './find-postings.js';
import type { HeapGuard } from './heap-guard.js';
import { inputHashFor } from './input-hash.js';
import { isFatalLlmError, withBatchLimits } from './limited-engine.js';
import { outputFilesFor } from './output-names.js';
import { postingSignal } from './posting-signal.js';
import { prepareBatch, reusableEntry } from './prepare-batch.js';
import { costOf, type ModelPrice } from './price-table.js';
import type { Progress } from './progress.js';
import { RateLimiter, type RateLimits, type Sleep } from './rate-limiter.js';
import { type BatchRun, writeSummary } from './write-summary.js';

export { type BatchRun, summaryFileName, summaryJsonChunks } from './write-summary.js';

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
  /** How often one call is put back after a 429 (`--max-retries`; the SDK leaves 429s to the batch). Default 3. */
  readonly rateLimitRetries?: number | undefined;
  /** Stop before the estimated spend would pass this (`--max-cost`, US dollars). */
  readonly maxCostUsd?: number | undefined;
  /** The model's price (already discounted for the Batch API); undefined when unknown. */
  readonly price?: ModelPrice | undefined;
  /** Options that change letters, for the manifest's input hash (temperature, templates, ...). */
  readonly config: Record<string, unknown>;
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
  /** Keeps the heap flat over thousands of postings (the CLI passes one; tests need none). */
  readonly heapGuard?: HeapGuard | undefined;
  /** The rate limiter, when the caller also feeds it the endpoint's headers; else one is built from `limits`. */
  readonly limiter?: RateLimiter | undefined;
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

/**
 * Runs the pipeline over every posting in a folder: several at once within the rate budgets, each letter and report
 * written atomically and recorded in the manifest as soon as it is done, unchanged successes from an earlier run
 * kept. A bad posting is reported and the batch goes on; an error no retry can fix, a signal or the budget stops it.
 */
export async function runBatch(options: BatchOptions, deps: BatchDeps): Promise<BatchRun> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
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
  const { manifest, ledger } = await openBatchOutput(prepared.manifest, {
    out: options.out,
    progress: deps.progress,
    renderReport: deps.renderReport,
    common: deps.playbooks.common,
    collectLetters: deps.checkBatch !== undefined,
    afterPosting: () => deps.heapGuard?.afterPosting(),
    now,
  });

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
          ...(options.rateLimitRetries === undefined ? {} : { maxRateLimitWaits: options.rateLimitRetries }),
          onUsage: (usage) => {
            spentUsage = addUsage(spentUsage, usage);
          },
          onPause: (ms) =>
            deps.progress.note(`rate-limited by the endpoint: pausing ${Math.ceil(ms / 1000)}s`),
        });
  const profileChars = JSON.stringify(deps.profile).length;
  let reservedUsd = 0;

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
    const files = outputFilesFor(stems.get(posting.relative) ?? posting.relative);
    let bytes: Buffer;
    try {
      bytes = await readPostingBytes(posting);
    } catch (error) {
      await ledger.failedWith(posting.relative, '', error);
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
    if (previous !== undefined) {
      await ledger.keep(previous);
      return;
    }

    let reservation = 0;
    if (options.maxCostUsd !== undefined && options.price !== undefined) {
      reservation = costOf(
        estimatePosting(bytes.length, profileChars, options.pipeline.maxAttempts).high,
        options.price,
      );
      if (spentUsd() + reservedUsd + reservation > options.maxCostUsd) {
        stop(
          'budget',
          `stopping: the next posting could take the spend past --max-cost $${options.maxCostUsd} ` +
            `(spent about $${spentUsd().toFixed(4)}, in flight up to $${reservedUsd.toFixed(4)})`,
        );
        ledger.unfinished(posting.relative, 'not-run');
        return;
      }
      reservedUsd += reservation;
    }
    const abort = postingSignal(hard.signal);
    try {
      const result = await runPipeline(
        postingFromBytes(bytes, posting),
        deps.profile,
        { engine, playbooks: deps.playbooks, signal: abort.signal, rules: deps.rules },
        options.pipeline,
      );
      await ledger.completed(posting.relative, inputHash, files, result);
    } catch (error) {
      if (hard.signal.aborted && !(error instanceof InputError)) {
        ledger.unfinished(posting.relative, 'interrupted', error);
      } else if (isFatalLlmError(error) || error instanceof OutputError) {
        fatal ??= error;
        stop('fatal', error.message);
        hard.abort(error);
        ledger.unfinished(posting.relative, 'error', error);
      } else {
        await ledger.failedWith(posting.relative, inputHash, error);
      }
    } finally {
      abort.release();
      reservedUsd -= reservation;
    }
  };

  const queue = new PQueue({ concurrency: options.concurrency });
  ledger.start(postings.length);
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
          if (stopReason === null) ledger.unfinished(posting.relative, 'error', error);
        });
    }
    await queue.onIdle();
  } finally {
    deps.stopSignal?.removeEventListener('abort', onStop);
    deps.abortSignal?.removeEventListener('abort', onAbort);
    deps.progress.finish();
    await manifest.snapshot().finally(() => manifest.close());
  }

  // The end of a run is its memory peak (every letter for the cross-check, the summary): start it from a clean heap.
  deps.heapGuard?.collect();
  const batchFindings = await ledger.crossCheck(deps.checkBatch);
  const rows = ledger.rows(postings);
  return writeSummary({
    folder: options.folder,
    out: options.out,
    engine: deps.engine,
    startedAt,
    finishedAt: now(),
    rows,
    usage: engine === deps.engine ? rows.reduce((sum, row) => addUsage(sum, row.usage), noUsage) : spentUsage,
    estimatedCostUsd: deps.engine.name === 'offline' ? 0 : options.price === undefined ? null : spentUsd(),
    stopReason,
    fatal,
    skippedFiles,
    batchFindings,
  });
}
