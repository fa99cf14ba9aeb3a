import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { cleanPosting, lede, validProfile } from './support/hostile.js';

// Tests run as root, where permissions never block a write: an output path under a regular file fails for anyone.
async function fileInTheWay(): Promise<{ folder: string; file: string }> {
  const folder = await temporaryFolder();
  const file = join(folder, 'letters');
  await writeFile(file, 'a file where a folder should be');
  return { folder, file };
}

describe('an output folder that cannot be written is reported with the path and the fix (exit 4)', () => {
  it('lede draft --out under a file', async () => {
    const { file } = await fileInTheWay();
    const run = await lede([
      'draft',
      cleanPosting,
      '--profile',
      validProfile,
      '--engine',
      'offline',
      '--out',
      join(file, 'sub', 'letter.md'),
    ]);
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      exitCode: ExitCode.outputFailed,
      stdout: '',
      stderr: `error: ${join(file, 'sub')} cannot be created (ENOTDIR)\n  hint: choose an --out path in a folder you can write to\n`,
    });
  });

  it('lede batch --out under a file, before any posting is run', async () => {
    const { folder, file } = await fileInTheWay();
    const postings = join(folder, 'postings');
    await import('node:fs/promises').then(({ mkdir, copyFile }) =>
      mkdir(postings).then(() => copyFile(cleanPosting, join(postings, 'lanternfish.txt'))),
    );
    const run = await lede([
      'batch',
      postings,
      '--profile',
      validProfile,
      '--engine',
      'offline',
      '--quiet',
      '--out',
      join(file, 'sub'),
    ]);
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      exitCode: ExitCode.outputFailed,
      stdout: '',
      stderr:
        `error: ${join(file, 'sub', 'manifest.json')} cannot be read (ENOTDIR)\n` +
        '  hint: a part of the --out path is a file, not a folder: choose another output folder\n',
    });
    expect(await readdir(folder)).toEqual(['letters', 'postings']);
  });
});
