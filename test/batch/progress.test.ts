import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressLine } from '../../src/batch/progress.js';

function recorder(isTty: boolean, quiet = false) {
  const output: string[] = [];
  let time = 0;
  const progress = createProgress({
    write: (text) => output.push(text),
    isTty,
    quiet,
    now: () => time,
    width: 10,
  });
  return { output, progress, advance: (ms: number) => (time += ms) };
}

describe('progress', () => {
  it('draws a bar with done, failed, rate and ETA', () => {
    expect(progressLine({ done: 30, failed: 2, total: 100 }, 10_000, 10)).toBe(
      '[###.......] 30/100 done, 2 failed, 3.0/s, ETA 23s',
    );
    expect(progressLine({ done: 0, failed: 0, total: 5 }, 0, 10)).toBe(
      '[..........] 0/5 done, 0 failed, 0.0/s, ETA ?',
    );
    expect([0, 59_400, 60_000, 3_660_000].map(formatDuration)).toEqual(['0s', '59s', '1m00s', '1h01m']);
  });

  it('prints one plain line per posting when stderr is not a terminal', () => {
    const { output, progress } = recorder(false);
    progress.start(2);
    progress.postingDone('acme.txt', 'passed', { done: 1, failed: 0, total: 2 });
    progress.note('rate-limited by the endpoint: pausing 2s');
    progress.postingDone('globex.txt', 'failed', { done: 2, failed: 1, total: 2 });
    progress.finish();

    expect(output.join('')).toBe(
      'lede batch: 2 postings to do\n[1/2] passed acme.txt\nlede batch: rate-limited by the endpoint: pausing 2s\n[2/2] failed globex.txt\n',
    );
  });

  it('says on a rerun how many postings an earlier run already did', () => {
    const { output, progress } = recorder(false);
    progress.start(11, 9);
    expect(output.join('')).toBe('lede batch: 11 postings: 2 to do, 9 unchanged since the last run\n');
  });

  it('redraws one line on a terminal at most ten times a second, keeping notes above it', () => {
    const { output, progress, advance } = recorder(true);
    progress.start(3);
    advance(50);
    progress.postingDone('a', 'passed', { done: 1, failed: 0, total: 3 });
    advance(100);
    progress.postingDone('b', 'passed', { done: 2, failed: 0, total: 3 });
    progress.note('stopping');
    progress.postingDone('c', 'failed', { done: 3, failed: 1, total: 3 });
    progress.finish();

    expect(output).toEqual([
      '\r\u001b[2K[..........] 0/3 done, 0 failed, 0.0/s, ETA ?',
      '\r\u001b[2K[#######...] 2/3 done, 0 failed, 13.3/s, ETA 0s',
      '\r\u001b[2Kstopping\n',
      '\r\u001b[2K[#######...] 2/3 done, 0 failed, 13.3/s, ETA 0s',
      '\r\u001b[2K[##########] 3/3 done, 1 failed, 20.0/s, ETA 0s',
      '\r\u001b[2K',
    ]);
  });

  it('says nothing with --quiet', () => {
    const { output, progress } = recorder(true, true);
    progress.start(1);
    progress.postingDone('a', 'passed', { done: 1, failed: 0, total: 1 });
    progress.note('stopping');
    progress.finish();
    expect(output).toEqual([]);
  });
});
