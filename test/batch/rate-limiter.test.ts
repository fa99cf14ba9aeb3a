import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/batch/rate-limiter.js';

/** A clock that only moves when someone sleeps. */
function fakeClock() {
  const clock = { time: 0, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
}

async function startTimes(
  limiter: RateLimiter,
  clock: { time: number },
  tokens: readonly number[],
): Promise<number[]> {
  const times: number[] = [];
  for (const amount of tokens) {
    await limiter.acquire(amount);
    times.push(clock.time);
  }
  return times;
}

describe('RateLimiter', () => {
  it('lets a tenth of a minute of requests through at once, then spaces them at the per-minute rate', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RateLimiter({ requestsPerMinute: 60 }, { now, sleep });

    expect(await startTimes(limiter, clock, Array(10).fill(100))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 1000, 2000, 3000,
    ]);
  });

  it('spaces requests by their tokens under a token budget, and settles with the real count', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RateLimiter({ tokensPerMinute: 6000 }, { now, sleep });

    const first = await limiter.acquire(1200);
    expect(clock.time).toBe(0);
    await limiter.acquire(1200);
    expect(clock.time).toBe(6000);
    // The cache answered the first one: its tokens go back to the budget.
    limiter.settle(first, { tokens: 0, requests: 0 });
    await limiter.acquire(1200);
    expect(clock.time).toBe(6000);
    await limiter.acquire(1200);
    expect(clock.time).toBe(18_000);
  });

  it('never exceeds the limit over a minute', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RateLimiter({ requestsPerMinute: 120 }, { now, sleep });

    const times = await startTimes(limiter, clock, Array(400).fill(1));

    for (let index = 0; index < times.length; index++) {
      const inWindow = times.filter(
        (time) => time >= (times[index] ?? 0) && time < (times[index] ?? 0) + 60_000,
      );
      expect(inWindow.length).toBeLessThanOrEqual(120 + 13);
    }
    expect(times.at(-1)).toBe(193_500);
  });

  it('holds every caller for a pause (a 429 retry-after)', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RateLimiter({}, { now, sleep });

    limiter.pauseFor(2000);
    await limiter.acquire(10);

    expect(clock.time).toBe(2000);
    expect(limiter.pausedFor()).toBe(0);
  });

  it('pauses when the rate-limit headers say a budget is spent, until it resets', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RateLimiter({}, { now, sleep });

    limiter.observeHeaders({ 'x-ratelimit-remaining-requests': '12', 'x-ratelimit-reset-requests': '1s' });
    expect(limiter.pausedFor()).toBe(0);
    limiter.observeHeaders({ 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '6m0s' });
    await limiter.acquire(10);

    expect(clock.time).toBe(360_000);
  });

  it('gives up waiting when the signal aborts', async () => {
    const limiter = new RateLimiter({});
    limiter.pauseFor(60_000);
    const controller = new AbortController();

    const waiting = limiter.acquire(10, controller.signal);
    controller.abort(new Error('stop'));

    await expect(waiting).rejects.toThrow('stop');
  });
});
