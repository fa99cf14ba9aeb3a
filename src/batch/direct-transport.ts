import PQueue from 'p-queue';
import { InputError, type LedeError, OutputError } from '../errors.js';
import type { Engine } from '../pipeline/engine.js';
import { addUsage, noUsage, spentTokens, type Usage } from '../pipeline/usage.js';
import type { StopReason } from './batch-summary.js';
import type { BatchTransport, TransportOutcome, TransportRun } from './batch-transport.js';
import { estimatePosting } from './estimate-cost.js';
import type { FoundPosting } from './find-postings.js';
import { isFatalLlmError, withBatchLimits } from './limited-engine.js';
import { postingSignal } from './posting-signal.js';
import { costOf } from './price-table.js';
import { RateLimiter, type RateLimits, type Sleep } from './rate-limiter.js';

/** How `lede batch` calls the model directly (no `--via batch-api`). */
export interface DirectOptions {
  readonly engine: Engine;
  /** Postings in flight at once (`--concurrency`, default 4). */
  readonly concurrency: number;
  /** `--rpm` and `--tpm`. */
  readonly limits: RateLimits;
  /** Output tokens one call may use, for the token budget's estimate. */
  readonly maxOutputTokens: number;
  /** How often one call is put back after a 429 (`--max-retries`; the SDK leaves 429s to the batch). Default 3. */
  readonly rateLimitRetries?: number | undefined;
  /** The rate limiter, when the caller also feeds it the endpoint's headers; else one is built from `limits`. */
  readonly limiter?: RateLimiter | undefined;
  /** Second signal: abort the postings in flight too (the first, the run's stop signal, takes no new ones). */
  readonly abortSignal?: AbortSignal | undefined;
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

/**
 * Each posting through the pipeline on the engine itself, several at once within the rate budgets: calls wait their
 * turn in the rate limiter, a 429 pauses every call, the spend is counted as it happens.
 */
export function directTransport(options: DirectOptions): BatchTransport {
  return { engine: options.engine, run: (run) => runDirectly(options, run) };
}

async function runDirectly(options: DirectOptions, run: TransportRun): Promise<TransportOutcome> {
  const { ledger, progress, price, maxCostUsd } = run;
  const now = options.now ?? Date.now;
  const hard = new AbortController();
  const onAbort = (): void => hard.abort(options.abortSignal?.reason);
  options.abortSignal?.addEventListener('abort', onAbort, { once: true });
  let stopReason: StopReason | null = null;
  let fatal: LedeError | null = null;

  const limiter =
    options.limiter ??
    new RateLimiter(options.limits, {
      now,
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
  let spentUsage: Usage = noUsage;
  // Calls answered from the cache cost nothing: only the tokens paid for count against --max-cost.
  const spentUsd = (): number => (price === undefined ? 0 : costOf(spentTokens(spentUsage), price));
  const engine =
    options.engine.name === 'offline'
      ? options.engine
      : withBatchLimits(options.engine, {
          limiter,
          maxOutputTokens: options.maxOutputTokens,
          ...(options.rateLimitRetries === undefined ? {} : { maxRateLimitWaits: options.rateLimitRetries }),
          onUsage: (usage) => {
            spentUsage = addUsage(spentUsage, usage);
          },
          onPause: (ms) => progress.note(`rate-limited by the endpoint: pausing ${Math.ceil(ms / 1000)}s`),
        });
  const profileChars = JSON.stringify(run.profile).length;
  let reservedUsd = 0;

  const stop = (reason: StopReason, message: string): void => {
    if (stopReason !== null) return;
    stopReason = reason;
    queue.clear();
    progress.note(message);
  };
  // A posting held by the endpoint's pause cannot finish soon: once stopping, it is interrupted (and redone on the
  // next run) rather than keep the batch waiting for minutes after the user asked it to stop.
  const interruptIfPaused = (): void => {
    if (stopReason !== 'signal' || hard.signal.aborted || limiter.pausedFor() <= 0) return;
    progress.note(
      `stopping: the endpoint's pause holds the postings in flight for ${Math.ceil(limiter.pausedFor() / 1000)}s; ` +
        'they are interrupted and will be redone on the next run',
    );
    hard.abort(run.stopSignal?.reason);
  };
  const stopListeningForPauses = limiter.onPause(interruptIfPaused);
  const onStop = (): void => {
    stop('signal', 'stopping: no new postings; the ones in flight finish (signal again to abort them)');
    interruptIfPaused();
  };
  run.stopSignal?.addEventListener('abort', onStop, { once: true });

  const processPosting = async (posting: FoundPosting): Promise<void> => {
    const work = await run.triage(posting);
    if (work === undefined) return;

    let reservation = 0;
    if (maxCostUsd !== undefined && price !== undefined) {
      reservation = costOf(
        estimatePosting(work.bytes.length, profileChars, run.pipeline.maxAttempts).high,
        price,
      );
      if (spentUsd() + reservedUsd + reservation > maxCostUsd) {
        stop(
          'budget',
          `stopping: the next posting could take the spend past --max-cost $${maxCostUsd} ` +
            `(spent about $${spentUsd().toFixed(4)}, in flight up to $${reservedUsd.toFixed(4)})`,
        );
        ledger.unfinished(posting.relative, 'not-run');
        return;
      }
      reservedUsd += reservation;
    }
    const abort = postingSignal(hard.signal);
    try {
      await run.draft(work, engine, abort.signal);
    } catch (error) {
      if (hard.signal.aborted && !(error instanceof InputError)) {
        ledger.unfinished(posting.relative, 'interrupted', error);
      } else if (isFatalLlmError(error) || error instanceof OutputError) {
        fatal ??= error;
        stop('fatal', error.message);
        hard.abort(error);
        ledger.unfinished(posting.relative, 'error', error);
      } else {
        await ledger.failedWith(posting.relative, work.inputHash, error);
      }
    } finally {
      abort.release();
      reservedUsd -= reservation;
    }
  };

  const queue = new PQueue({ concurrency: options.concurrency });
  if (run.stopSignal?.aborted) onStop();
  try {
    for (const posting of run.postings) {
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
    run.stopSignal?.removeEventListener('abort', onStop);
    stopListeningForPauses();
    options.abortSignal?.removeEventListener('abort', onAbort);
  }
  // The wrapped engine counted every call, failed postings' too; the offline engine is not wrapped: the rows say it.
  return { stopReason, fatal, spent: engine === options.engine ? undefined : spentUsage };
}
