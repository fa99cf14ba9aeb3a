import { describe, expect, it, vi } from 'vitest';
import { RateLimiter, realSleep } from '../../src/batch/rate-limiter.js';
import { fetchObservingRateLimits } from '../../src/engines/openai/observe-rate-limits.js';
import { LlmError } from '../../src/errors.js';

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
    const answering = (headers: Record<string, string>) =>
      fetchObservingRateLimits(limiter, async () => new Response('{}', { headers }))('http://localhost/v1');

    await answering({ 'x-ratelimit-remaining-requests': '12', 'x-ratelimit-reset-requests': '1s' });
    expect(limiter.pausedFor()).toBe(0);
    await answering({ 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '6m0s' });
    await limiter.acquire(10);

    expect(clock.time).toBe(360_000);
  });

  it('never pauses longer than its pause limit, whatever it is told', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = new RateLimiter({ maxPauseMs: 600_000 }, { now, sleep });

    limiter.pauseFor(1_000_000_000_000);
    await limiter.acquire(10);

    expect(clock.time).toBe(600_000);
  });

  it('refuses every caller once the endpoint asked for an unbelievable wait', async () => {
    const limiter = new RateLimiter({});
    const error = new LlmError('llm.absurd-wait', 'the endpoint asked for years');

    limiter.refuse(error);

    await expect(limiter.acquire(10)).rejects.toBe(error);
  });

  it('takes a wait longer than a timer can hold in parts, not as a 1 ms spin', async () => {
    vi.useFakeTimers();
    try {
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => {
        warnings.push(warning.name);
      };
      process.on('warning', onWarning);
      let done = false;
      const waiting = realSleep(2 ** 31 + 5000).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(2 ** 31 - 2);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(5010);
      await waiting;
      process.off('warning', onWarning);
      expect({ done, warnings }).toEqual({ done: true, warnings: [] });
    } finally {
      vi.useRealTimers();
    }
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
