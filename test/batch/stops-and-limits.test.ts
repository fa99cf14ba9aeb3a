import { describe, expect, it } from 'vitest';
import { estimatePosting } from '../../src/batch/estimate-cost.js';
import { costOf } from '../../src/batch/price-table.js';
import { LlmError } from '../../src/errors.js';
import {
  batchDeps,
  batchOptions,
  folderWith,
  postingText,
  recordingProgress,
  runDirect,
  temporaryFolder,
} from './batch-fixtures.js';
import { createFakeEngine } from './fake-engine.js';

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

async function fourPostings(): Promise<{ folder: string; out: string }> {
  const folder = await folderWith({
    'a.txt': postingText('Acme Robotics'),
    'b.txt': postingText('Globex'),
    'c.txt': postingText('Initech'),
    'd.txt': postingText('Umbrella'),
  });
  return { folder, out: await temporaryFolder() };
}

const rateLimited = (retryAfterSeconds: number | undefined) =>
  new LlmError(
    'llm.rate-limit',
    'http://localhost/v1 (model gpt-4o-mini) is rate-limiting requests (HTTP 429)',
    {
      retryable: true,
      status: 429,
      retryAfterSeconds,
    },
  );

describe('batch rate limits', () => {
  it('pauses the whole batch for a 429 retry-after, then goes on', async () => {
    const { folder, out } = await fourPostings();
    const { clock, now, sleep } = fakeClock();
    let refused = false;
    const engine = createFakeEngine({
      before: (call) => {
        if (call.source === 'b.txt' && call.stage === 'draft' && !refused) {
          refused = true;
          throw rateLimited(7);
        }
      },
    });
    const progress = recordingProgress();

    const { summary } = await runDirect(
      batchOptions(folder, out, { concurrency: 1 }),
      await batchDeps(engine, { progress, now, sleep }),
    );

    expect(summary.rows.map((row) => row.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(clock.sleeps).toEqual([7000]);
    expect(progress.lines).toContain('note rate-limited by the endpoint: pausing 7s');
    expect(engine.calls.filter((call) => call.source === 'b.txt').map((call) => call.stage)).toEqual([
      'analyze',
      'draft',
      'draft',
    ]);
    expect(summary.exitCode).toBe(0);
  });

  it('backs off when a 429 gives no retry-after, and fails only that posting after a bounded number of waits', async () => {
    const { folder, out } = await fourPostings();
    const { clock, now, sleep } = fakeClock();
    const engine = createFakeEngine({
      before: (call) => {
        if (call.source === 'c.txt') throw rateLimited(undefined);
      },
    });

    const { summary } = await runDirect(
      batchOptions(folder, out, { concurrency: 1 }),
      await batchDeps(engine, { now, sleep }),
    );

    expect(clock.sleeps).toEqual([2000, 4000, 8000]);
    expect(engine.calls.filter((call) => call.source === 'c.txt')).toHaveLength(4);
    expect(summary.rows.map((row) => [row.posting, row.status, row.error?.code ?? null])).toEqual([
      ['a.txt', 'passed', null],
      ['b.txt', 'passed', null],
      ['c.txt', 'error', 'llm.rate-limit'],
      ['d.txt', 'passed', null],
    ]);
    expect(summary.exitCode).toBe(3);
  });

  it('keeps calls within --rpm', async () => {
    const { folder, out } = await fourPostings();
    const { clock, now, sleep } = fakeClock();
    const starts: number[] = [];
    const engine = createFakeEngine({ before: () => void starts.push(clock.time) });

    await runDirect(
      batchOptions(folder, out, { concurrency: 4, limits: { requestsPerMinute: 30 } }),
      await batchDeps(engine, { now, sleep }),
    );

    // 8 calls at 30 a minute: 4 in the first burst, then one every 2 s.
    expect(starts).toEqual([0, 0, 0, 0, 2000, 4000, 6000, 8000]);
  });
});

describe('batch stops', () => {
  for (const [code, status] of [
    ['llm.quota', 429],
    ['llm.auth', 401],
  ] as const) {
    it(`stops at once on ${code}: postings in flight are interrupted, the rest not started, exit 3`, async () => {
      const { folder, out } = await fourPostings();
      let releaseA: () => void = () => {};
      const aHeld = new Promise<void>((resolve) => {
        releaseA = resolve;
      });
      const engine = createFakeEngine({
        before: async (call) => {
          if (call.source === 'a.txt' && call.stage === 'analyze') await aHeld;
          if (call.source === 'b.txt') {
            releaseA();
            throw new LlmError(code, `the endpoint said ${code}`, { status });
          }
        },
      });

      const { summary, fatal } = await runDirect(
        batchOptions(folder, out, { concurrency: 2 }),
        await batchDeps(engine),
      );

      expect(fatal).toMatchObject({ code });
      expect(summary.stopReason).toBe('fatal');
      expect(summary.fatalError).toEqual({ code, message: `the endpoint said ${code}` });
      expect(summary.rows.map((row) => [row.posting, row.status])).toEqual([
        ['a.txt', 'interrupted'],
        ['b.txt', 'error'],
        ['c.txt', 'not-run'],
        ['d.txt', 'not-run'],
      ]);
      expect(engine.calls.some((call) => call.source === 'c.txt' || call.source === 'd.txt')).toBe(false);
      expect(summary.exitCode).toBe(3);
    });
  }

  it('on the first signal takes no new postings, lets the one in flight finish (exit 130), and a rerun redoes nothing finished', async () => {
    const { folder, out } = await fourPostings();
    const stop = new AbortController();
    const engine = createFakeEngine({
      before: (call) => {
        if (call.source === 'b.txt' && call.stage === 'analyze') stop.abort();
      },
    });

    const first = await runDirect(
      batchOptions(folder, out, { concurrency: 1 }),
      await batchDeps(engine, { stopSignal: stop.signal }),
    );

    expect(first.summary.rows.map((row) => [row.posting, row.status])).toEqual([
      ['a.txt', 'passed'],
      ['b.txt', 'passed'],
      ['c.txt', 'not-run'],
      ['d.txt', 'not-run'],
    ]);
    expect(first.summary.stopReason).toBe('signal');
    expect(first.summary.exitCode).toBe(130);

    const rerun = createFakeEngine();
    const second = await runDirect(batchOptions(folder, out, { concurrency: 1 }), await batchDeps(rerun));

    expect([...new Set(rerun.calls.map((call) => call.source))]).toEqual(['c.txt', 'd.txt']);
    expect(second.summary.rows.map((row) => [row.posting, row.status, row.unchanged])).toEqual([
      ['a.txt', 'passed', true],
      ['b.txt', 'passed', true],
      ['c.txt', 'passed', false],
      ['d.txt', 'passed', false],
    ]);
    expect(second.summary.exitCode).toBe(0);
  });

  it('on a second signal aborts the postings in flight, which a rerun then redoes', async () => {
    const { folder, out } = await fourPostings();
    const stop = new AbortController();
    const abort = new AbortController();
    const engine = createFakeEngine({
      before: async (call, options) => {
        if (call.source === 'b.txt' && call.stage === 'draft') {
          stop.abort();
          abort.abort(new Error('second signal'));
          options?.signal?.throwIfAborted();
        }
      },
    });

    const { summary } = await runDirect(
      batchOptions(folder, out, { concurrency: 1 }),
      await batchDeps(engine, { stopSignal: stop.signal, abortSignal: abort.signal }),
    );

    expect(summary.rows.map((row) => [row.posting, row.status])).toEqual([
      ['a.txt', 'passed'],
      ['b.txt', 'interrupted'],
      ['c.txt', 'not-run'],
      ['d.txt', 'not-run'],
    ]);
    expect(summary.exitCode).toBe(130);
    const rerun = createFakeEngine();
    await runDirect(batchOptions(folder, out, { concurrency: 1 }), await batchDeps(rerun));
    expect([...new Set(rerun.calls.map((call) => call.source))]).toEqual(['b.txt', 'c.txt', 'd.txt']);
  });

  it('stops before the next posting could take the spend past --max-cost', async () => {
    const { folder, out } = await fourPostings();
    const price = { input: 1, output: 1 };
    const { profile } = await batchDeps(createFakeEngine());
    const perPosting = costOf({ promptTokens: 2000, completionTokens: 400 }, price);
    const reservation = costOf(
      estimatePosting(postingText('Acme Robotics').length, JSON.stringify(profile).length, 2).high,
      price,
    );
    // Room for two postings and the reservation of a third, but not for a third posting's worst case.
    const maxCostUsd = 2 * perPosting + reservation - 0.0001;

    const { summary } = await runDirect(
      batchOptions(folder, out, { concurrency: 1, price, maxCostUsd }),
      await batchDeps(createFakeEngine()),
    );

    expect(summary.rows.map((row) => row.status)).toEqual(['passed', 'passed', 'not-run', 'not-run']);
    expect(summary.stopReason).toBe('budget');
    expect(summary.estimatedCostUsd).toBeCloseTo(2 * perPosting, 10);
    expect(summary.exitCode).toBe(130);
  });
});
