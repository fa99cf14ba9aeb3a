import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { type ChatServer, chatBody, startChatServer } from './support/chat-server.js';
import { cleanPosting, expectNoStackTrace, lede, validProfile } from './support/hostile.js';
import { answerWell } from './support/lanternfish.js';

let server: ChatServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function everyFileText(folder: string): Promise<string> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'latin1')))).join('\n');
}

describe('secrets in configuration are refused or redacted, never printed', () => {
  it('a key with a line break inside is a configuration error, and neither half is shown', async () => {
    server = await startChatServer((request, response) => answerWell(chatBody(request), response));
    const run = await lede(
      ['draft', cleanPosting, '--profile', validProfile, '--engine', 'openai', '--base-url', server.baseUrl],
      { env: { OPENAI_API_KEY: 'FIRSTKEY-abcdefgh\nSECONDKEY-ijklmnop' } },
    );
    expectNoStackTrace(run.stderr);
    expect({
      exitCode: run.exitCode,
      requests: server.requests.length,
      leaked: ['FIRSTKEY', 'SECONDKEY'].filter((half) => `${run.stdout}${run.stderr}`.includes(half)),
    }).toEqual({ exitCode: ExitCode.badInput, requests: 0, leaked: [] });
    expect(run.stderr).toContain(
      'OPENAI_API_KEY must be a non-empty key with no spaces or line breaks inside',
    );
    expect(run.stderr).not.toContain('not a chat completion');
  });

  it('a password in the base URL reaches no message, summary or manifest, even with --verbose', async () => {
    server = await startChatServer((request, response) => answerWell(chatBody(request), response));
    const withPassword = server.baseUrl.replace('http://', 'http://admin:hunter2-PW@');
    const cwd = await temporaryFolder();
    await mkdir(join(cwd, 'postings'));
    await copyFile(cleanPosting, join(cwd, 'postings', 'lanternfish.txt'));
    const run = await lede(
      [
        '--verbose',
        'batch',
        'postings',
        '--profile',
        validProfile,
        '--out',
        'out',
        '--engine',
        'openai',
        '--base-url',
        withPassword,
        '--industry',
        'tech',
        '--max-retries',
        '0',
        '--quiet',
      ],
      { cwd, env: { OPENAI_API_KEY: 'local-key-for-tests' } },
    );
    const everything = `${run.stdout}${run.stderr}${await everyFileText(cwd)}`;
    expect(await readFile(join(cwd, 'out', 'summary.json'), 'utf8')).toContain('lanternfish.txt');
    expect(everything).not.toContain('hunter2-PW');
    expect(run.stderr).toContain('http://***@127.0.0.1');
  });

  it('warns when the key would cross the network over plain http, and not for this machine', async () => {
    const args = (baseUrl: string) => [
      'draft',
      cleanPosting,
      '--profile',
      validProfile,
      '--engine',
      'openai',
      '--base-url',
      baseUrl,
      // The cache answers or fails: no request leaves the test.
      '--cache',
      'strict',
    ];
    const env = { OPENAI_API_KEY: 'test-key-not-real-SECRET123' };
    const remote = await lede(args('http://192.0.2.10/v1'), { env });
    const local = await lede(args('http://127.0.0.1:9/v1'), { env });
    expect(remote.stderr).toContain(
      'lede: warning: OPENAI_API_KEY will be sent unencrypted to http://192.0.2.10/v1 (plain http:// to another machine)',
    );
    expect(local.stderr).not.toContain('unencrypted');
    expect(`${remote.stderr}${local.stderr}`).not.toContain('SECRET123');
  });
});
