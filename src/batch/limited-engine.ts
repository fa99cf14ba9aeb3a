import { LlmError } from '../errors.js';
import type { DraftRequest, Engine, Metered, RevisionRequest } from '../pipeline/engine.js';
import type { Usage } from '../pipeline/usage.js';
import { leanPostingTokens } from '../posting/lean-posting.js';
import type { Posting } from '../posting/posting.js';
import { stageOverheadChars } from './estimate-cost.js';
import type { RateLimiter } from './rate-limiter.js';

/** Errors that no retry can fix: the whole batch stops at the first one. */
export const fatalLlmCodes: readonly string[] = [
  'llm.auth',
  'llm.quota',
  'llm.model-not-found',
  'llm.absurd-wait',
];

export function isFatalLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError && fatalLlmCodes.includes(error.code);
}

export interface LimitOptions {
  readonly limiter: RateLimiter;
  /** Most output tokens one call may use; with the input's characters / 4 it is the call's token estimate. */
  readonly maxOutputTokens: number;
  /**
   * How many times one call is put back after a 429 (the SDK's own retries come first and are not repeated here:
   * this only waits out the pause the endpoint asked for). Default 3.
   */
  readonly maxRateLimitWaits?: number;
  /** Pause when a 429 gives no retry-after: this, doubled at each wait. Default 2000 ms. */
  readonly backoffMs?: number;
  /** Called after every call with what it cost (for the budget and the summary). */
  readonly onUsage?: (usage: Usage) => void;
  /** Told when a 429 pauses the batch. */
  readonly onPause?: (ms: number, error: LlmError) => void;
}

const overheadChars = stageOverheadChars;

export function estimateTokens(inputChars: number, maxOutputTokens: number): number {
  return Math.ceil(inputChars / 4) + maxOutputTokens;
}

/** A call carries the posting only up to its budget (src/posting/lean-posting.ts): a long posting reserves no more. */
function postingChars(posting: Posting, call: keyof typeof leanPostingTokens): number {
  return Math.min(posting.text.length, leanPostingTokens[call] * 4);
}

function draftChars(request: DraftRequest): number {
  return (
    postingChars(request.posting, 'letter') + JSON.stringify(request.profile).length + overheadChars.draft
  );
}

/**
 * Wraps an engine so every call first takes its share of the rate budgets, reports its usage, and waits out a 429
 * (pausing every other call too) before going on, a bounded number of times.
 */
export function withBatchLimits(engine: Engine, options: LimitOptions): Engine {
  const maxWaits = options.maxRateLimitWaits ?? 3;
  const backoffMs = options.backoffMs ?? 2000;

  async function call<T>(
    inputChars: number,
    signal: AbortSignal | undefined,
    run: () => Promise<Metered<T>>,
  ): Promise<Metered<T>> {
    const estimate = estimateTokens(inputChars, options.maxOutputTokens);
    for (let waits = 0; ; waits++) {
      const reservation = await options.limiter.acquire(estimate, signal);
      try {
        const result = await run();
        const { usage } = result;
        options.limiter.settle(reservation, {
          tokens: usage.promptTokens + usage.completionTokens,
          requests: usage.calls - usage.cachedCalls,
        });
        options.onUsage?.(usage);
        return result;
      } catch (error) {
        options.limiter.settle(reservation, { tokens: 0, requests: 1 });
        if (!(error instanceof LlmError) || error.code !== 'llm.rate-limit' || waits >= maxWaits) throw error;
        const pause =
          error.retryAfterSeconds === undefined ? backoffMs * 2 ** waits : error.retryAfterSeconds * 1000;
        options.limiter.pauseFor(pause);
        options.onPause?.(pause, error);
      }
    }
  }

  return {
    name: engine.name,
    model: engine.model,
    readPosting: (posting: Posting, playbooks, callOptions) =>
      call(postingChars(posting, 'analysis') + overheadChars.analyze, callOptions?.signal, () =>
        engine.readPosting(posting, playbooks, callOptions),
      ),
    draftLetter: (request, callOptions) =>
      call(draftChars(request), callOptions?.signal, () => engine.draftLetter(request, callOptions)),
    reviseLetter: (request: RevisionRequest, callOptions) =>
      call(
        draftChars(request) + request.previous.letter.length + JSON.stringify(request.findings).length,
        callOptions?.signal,
        () => engine.reviseLetter(request, callOptions),
      ),
  };
}
