import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSummarySchema } from '../../src/batch/batch-summary.js';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { cleanPosting, expectNoStackTrace, lede, validProfile } from './support/hostile.js';

/** A pid no process can have: above Linux's highest (2^22) and macOS's. */
const deadPid = 2_147_483_000;

async function workspace(): Promise<{ cwd: string; out: string }> {
  const cwd = await temporaryFolder();
  await mkdir(join(cwd, 'postings'));
  await copyFile(cleanPosting, join(cwd, 'postings', 'lanternfish.txt'));
  return { cwd, out: join(cwd, 'out') };
}

const batch = (cwd: string) =>
  lede(['batch', 'postings', '--profile', validProfile, '--out', 'out', '--engine', 'offline'], { cwd });

describe('one output folder, one batch at a time', () => {
  it('a second batch into a folder another running batch holds is refused, and writes nothing', async () => {
    const { cwd, out } = await workspace();
    await mkdir(out);
    // This test's own process is alive: as far as lede can tell, another batch is writing there.
    await writeFile(join(out, '.lede-batch.lock'), `${JSON.stringify({ pid: process.pid })}\n`);
    const run = await batch(cwd);
    expectNoStackTrace(run.stderr);
    expect({ exitCode: run.exitCode, written: (await readdir(out)).sort() }).toEqual({
      exitCode: ExitCode.outputFailed,
      written: ['.lede-batch.lock'],
    });
    expect(run.stderr).toContain(`is being written by another lede batch (process ${process.pid})`);
  });

  it('a stale lock from a process that no longer runs is taken over with a notice', async () => {
    const { cwd, out } = await workspace();
    await mkdir(out);
    await writeFile(join(out, '.lede-batch.lock'), `${JSON.stringify({ pid: deadPid })}\n`);
    const run = await batch(cwd);
    const summary = BatchSummarySchema.parse(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')));
    expect(run.stderr).toContain(`taking over the lock in ${out}: it was left by process ${deadPid}`);
    expect(summary.rows.map((row) => row.posting)).toEqual(['lanternfish.txt']);
    // Released at the end: the next run needs no takeover.
    expect((await readdir(out)).includes('.lede-batch.lock')).toBe(false);
  });

  it('two batches started together: one writes, the other is refused', async () => {
    const { cwd, out } = await workspace();
    const runs = await Promise.all([batch(cwd), batch(cwd)]);
    expect(runs.map((run) => run.exitCode).sort()).toEqual([ExitCode.ok, ExitCode.outputFailed].sort());
    expect((await readdir(out)).includes('.lede-batch.lock')).toBe(false);
  });
});
