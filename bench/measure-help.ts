import { spawnSync } from 'node:child_process';

/** Median wall time of `node dist/src/cli/main.js --help` over several runs (the first one warms the disk cache). */
export function measureHelpStart(cliMain: string, runs = 11): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cliMain, '--help'], { stdio: 'ignore' });
    const elapsed = performance.now() - started;
    if (result.status !== 0) throw new Error(`lede --help exited ${result.status}`);
    if (run > 0) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
