import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchSummarySchema } from '../../src/batch/batch-summary.js';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { cleanPosting, expectNoStackTrace, lede, validProfile } from './support/hostile.js';

/**
 * A disk that fills up: after `writesLeft` more file writes under a folder named "full-disk", every write fails with
 * ENOSPC, the error the kernel gives. lede's writers take no file-system parameter, so the fault is injected at the
 * file-system module, the one boundary every writer shares.
 */
const disk = vi.hoisted(() => ({ writesLeft: Number.POSITIVE_INFINITY }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const writeFile: typeof actual.writeFile = async (path, data, options) => {
    if (String(path).includes('full-disk')) {
      if (disk.writesLeft <= 0) {
        throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(path)}'`), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'open',
          path: String(path),
        });
      }
      disk.writesLeft--;
    }
    return actual.writeFile(path, data, options);
  };
  return { ...actual, writeFile };
});

beforeEach(() => {
  disk.writesLeft = Number.POSITIVE_INFINITY;
});

async function postingsFolder(count: number): Promise<string> {
  const folder = join(await temporaryFolder(), 'postings');
  await mkdir(folder);
  for (let index = 1; index <= count; index++)
    await copyFile(cleanPosting, join(folder, `posting-${index}.txt`));
  return folder;
}

describe('a full disk', () => {
  it('lede draft --out: names the file, says to free space (exit 4), and leaves no partial file', async () => {
    const out = join(await temporaryFolder(), 'full-disk');
    await mkdir(out);
    disk.writesLeft = 0;
    const run = await lede([
      'draft',
      cleanPosting,
      '--profile',
      validProfile,
      '--engine',
      'offline',
      '--out',
      join(out, 'letter.md'),
    ]);
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      exitCode: ExitCode.outputFailed,
      stdout: '',
      stderr: `error: ${join(out, 'letter.md')} cannot be written (ENOSPC)\n  hint: free some disk space and run again\n`,
    });
    expect(await readdir(out)).toEqual([]);
  });

  it('lede batch: stops at the first failed write (exit 4), keeps what was finished, and a rerun redoes only the rest', async () => {
    const folder = await postingsFolder(3);
    const out = join(folder, '..', 'full-disk');
    // Room for one posting's three files (report.json, report.md, letter), then the disk is full.
    disk.writesLeft = 3;
    const first = await lede([
      'batch',
      folder,
      '--profile',
      validProfile,
      '--out',
      out,
      '--engine',
      'offline',
      '--quiet',
      '--concurrency',
      '1',
    ]);
    expect(first.exitCode).toBe(ExitCode.outputFailed);
    expect(first.stderr).toMatch(
      /^error: .*full-disk\/.* cannot be written \(ENOSPC\)\n {2}hint: free some disk space and run again\n$/,
    );
    expectNoStackTrace(first.stderr);
    const afterFirst = await readdir(out);
    expect(afterFirst.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(afterFirst.filter((name) => name.endsWith('.letter.md'))).toHaveLength(1);

    disk.writesLeft = Number.POSITIVE_INFINITY;
    const second = await lede([
      'batch',
      folder,
      '--profile',
      validProfile,
      '--out',
      out,
      '--engine',
      'offline',
      '--quiet',
      '--json',
    ]);
    const summary = BatchSummarySchema.parse(JSON.parse(second.stdout));
    expect({
      exitCode: second.exitCode === ExitCode.outputFailed ? 'output failed' : 'written',
      unchanged: summary.rows.filter((row) => row.unchanged).map((row) => row.posting),
      letters: (await readdir(out)).filter((name) => name.endsWith('.letter.md')).length,
    }).toEqual({ exitCode: 'written', unchanged: ['posting-1.txt'], letters: 3 });
    for (const row of summary.rows) {
      expect(await readFile(join(out, row.outputs?.letter ?? 'missing'), 'utf8')).toContain('Sam Okafor');
    }
  });
});
