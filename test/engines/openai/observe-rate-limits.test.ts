import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/batch/rate-limiter.js';
import { fetchObservingRateLimits } from '../../../src/engines/openai/observe-rate-limits.js';

function limiterAt(time: { now: number }): RateLimiter {
  return new RateLimiter({}, { now: () => time.now, sleep: async () => {} });
}

const answering =
  (status: number, headers: Record<string, string>): typeof fetch =>
  async () =>
    new Response('{}', { status, headers });

describe('fetchObservingRateLimits', () => {
  it('pauses the batch when a response says a budget is spent, until the reset', async () => {
    const time = { now: 0 };
    const limiter = limiterAt(time);
    const observed = fetchObservingRateLimits(
      limiter,
      answering(200, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1.5s' }),
    );

    const response = await observed('http://localhost/v1/chat/completions');

    expect(response.status).toBe(200);
    expect(limiter.pausedFor()).toBe(1500);
  });

  it('leaves the batch running while budget remains', async () => {
    const limiter = limiterAt({ now: 0 });
    await fetchObservingRateLimits(
      limiter,
      answering(200, { 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms' }),
    )('http://localhost/v1/chat/completions');
    expect(limiter.pausedFor()).toBe(0);
  });

  it('pauses everyone for a 429 retry-after while the SDK retries that call', async () => {
    const limiter = limiterAt({ now: 0 });
    await fetchObservingRateLimits(
      limiter,
      answering(429, { 'retry-after': '3' }),
    )('http://localhost/v1/chat/completions');
    expect(limiter.pausedFor()).toBe(3000);
  });
});
