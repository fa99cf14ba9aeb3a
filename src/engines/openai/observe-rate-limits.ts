import { rateLimitHeaders, retryAfterMs } from './rate-limit-headers.js';

/** What the fetch tells about rate limits: `lede batch`'s RateLimiter. */
export interface RateLimitObserver {
  /** Shown every response's `x-ratelimit-*` headers. */
  observeHeaders(headers: Readonly<Record<string, string>>): void;
  /** Told to hold every call for a 429's retry-after. */
  pauseFor(ms: number): void;
}

/**
 * A `fetch` for the openai client that shows every response to the rate limiter: `x-ratelimit-*` headers reporting a
 * spent budget pause the batch until it resets, and a 429 pauses it for its retry-after, so the calls in flight
 * elsewhere stop bouncing off the limit. A 429 is marked `x-should-retry: false` so the SDK hands it straight back:
 * the batch waits it out itself (with every other call paused), within the same `--max-retries` budget, and the two
 * layers of retries never multiply.
 */
export function fetchObservingRateLimits(
  limiter: RateLimitObserver,
  base: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    limiter.observeHeaders(rateLimitHeaders(response.headers));
    if (response.status !== 429) return response;
    const wait = retryAfterMs(response.headers);
    if (wait !== undefined) limiter.pauseFor(wait);
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
