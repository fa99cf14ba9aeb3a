import type { RateLimiter } from './rate-limiter.js';

/** Seconds or milliseconds the endpoint asked to wait (`retry-after-ms`, `retry-after` in seconds or as a date). */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A `fetch` for the openai client that shows every response to the rate limiter: `x-ratelimit-*` headers reporting a
 * spent budget pause the batch until it resets, and a 429 pauses it for its retry-after, so the calls in flight
 * elsewhere stop bouncing off the limit. A 429 is marked `x-should-retry: false` so the SDK hands it straight back:
 * the batch waits it out itself (with every other call paused), within the same `--max-retries` budget, and the two
 * layers of retries never multiply.
 */
export function fetchObservingRateLimits(limiter: RateLimiter, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const rateLimitHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      if (key.toLowerCase().startsWith('x-ratelimit-')) rateLimitHeaders[key.toLowerCase()] = value;
    });
    limiter.observeHeaders(rateLimitHeaders);
    if (response.status !== 429) return response;
    const wait = retryAfterMs(response.headers);
    if (wait !== undefined) limiter.pauseFor(wait);
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
