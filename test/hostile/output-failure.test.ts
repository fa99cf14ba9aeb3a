import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { chatBody, startChatServer } from './support/chat-server.js';
import { cleanPosting, lede, validProfile } from './support/hostile.js';
import { answerWell } from './support/lanternfish.js';

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

describe('a response cache folder that cannot be written', () => {
  it('is an output failure naming the cache entry and the fix (exit 4), not an internal error', async () => {
    const { file } = await fileInTheWay();
    const server = await startChatServer((request, response) => answerWell(chatBody(request), response));
    try {
      const run = await lede(
        [
          'draft',
          cleanPosting,
          '--profile',
          validProfile,
          '--engine',
          'openai',
          '--base-url',
          server.baseUrl,
          '--cache',
          'record',
          '--cache-dir',
          join(file, 'cache'),
        ],
        { env: { OPENAI_API_KEY: 'test-key-not-real-SECRET123' } },
      );
      expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
        exitCode: ExitCode.outputFailed,
        stdout: '',
        stderr: expect.stringMatching(
          new RegExp(
            `^error: Cannot write the response cache entry ${join(file, 'cache')}/[0-9a-f]{64}\\.json: ENOTDIR.*\\n` +
              ' {2}hint: check that the cache folder is writable and the disk has space, or run with --cache off\\n$',
          ),
        ),
      });
    } finally {
      await server.close();
    }
  });
});
