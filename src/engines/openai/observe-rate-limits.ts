import type { LlmError } from '../../errors.js';
import { absurdWaitError } from './absurd-wait.js';
import { defaultMaxPauseMs } from './endpoint-options.js';
import { rateLimitHeaders, retryAfterMs, spentBudgetResetMs } from './rate-limit-headers.js';

/** What the fetch tells about rate limits: `lede batch`'s RateLimiter. */
export interface RateLimitObserver {
  /** Told to hold every call for a wait the endpoint asked for (a 429's retry-after, a spent budget's reset). */
  pauseFor(ms: number): void;
  /** Told the endpoint asked for a wait no real limit needs: no call may go on, the error says why. */
  refuse(error: LlmError): void;
}

/** How the fetch judges a wait: the endpoint's name for messages and the longest believable pause. */
export interface WaitJudgement {
  readonly where: string;
  readonly maxPauseMs: number;
}

/**
 * A `fetch` for the openai client that shows every response to the rate limiter: `x-ratelimit-*` headers reporting a
 * spent budget pause the batch until it resets, and a 429 pauses it for its retry-after, so the calls in flight
 * elsewhere stop bouncing off the limit. A wait longer than `maxPauseMs` is not waited: it is the endpoint's fault,
 * and the limiter refuses every further call. A 429 is marked `x-should-retry: false` so the SDK hands it straight
 * back: the batch waits it out itself (with every other call paused), within the same `--max-retries` budget, and the
 * two layers of retries never multiply.
 */
export function fetchObservingRateLimits(
  limiter: RateLimitObserver,
  base: typeof fetch = fetch,
  judgement: WaitJudgement = { where: 'the endpoint', maxPauseMs: defaultMaxPauseMs },
): typeof fetch {
  const wait = (ms: number | undefined, header: string): void => {
    if (ms === undefined) return;
    if (ms > judgement.maxPauseMs)
      limiter.refuse(absurdWaitError(judgement.where, ms, header, judgement.maxPauseMs));
    else limiter.pauseFor(ms);
  };
  return async (input, init) => {
    const response = await base(input, init);
    wait(spentBudgetResetMs(rateLimitHeaders(response.headers)), 'x-ratelimit-reset for a spent budget');
    if (response.status !== 429) return response;
    wait(retryAfterMs(response.headers), 'retry-after on an HTTP 429');
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
