import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../cli/run-lede.js';
import { type ChatHandler, chatBody, startChatServer } from './support/chat-server.js';
import { faultCatalogue } from './support/faults.js';
import { cleanPosting, hostile, lede, validProfile } from './support/hostile.js';
import { answerWell, cleanLetter } from './support/lanternfish.js';

const apiKey = 'test-key-not-real-SECRET123';
/** Pieces of the key that would still give it away if a message cut or split it. */
const fragments = [apiKey, 'SECRET123', 'not-real-SECRET'];

/** Every file under a folder, hidden ones included (the cache, the manifest journal). */
async function everyFile(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Where a key fragment turned up: "stdout", "stderr" or a file path relative to the run's folder. */
async function leaks(run: { stdout: string; stderr: string; cwd: string }): Promise<string[]> {
  const found: string[] = [];
  for (const [where, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ] as const) {
    if (fragments.some((fragment) => text.includes(fragment))) found.push(where);
  }
  for (const file of await everyFile(run.cwd)) {
    const bytes = await readFile(file, 'latin1');
    if (fragments.some((fragment) => bytes.includes(fragment))) found.push(file.slice(run.cwd.length + 1));
  }
  return found;
}

/** A run folder holding a posting folder and everything lede will write: out/, .lede-cache/, profile.yaml. */
async function workspace(): Promise<string> {
  const cwd = await temporaryFolder();
  await mkdir(join(cwd, 'postings'));
  await copyFile(cleanPosting, join(cwd, 'postings', 'lanternfish.txt'));
  return cwd;
}

/** Each command that can reach the endpoint, with every option that writes something (--verbose, --json, files). */
const commands: Record<string, (baseUrl: string) => string[]> = {
  draft: (url) => [
    '--verbose',
    'draft',
    cleanPosting,
    '--profile',
    validProfile,
    '--engine',
    'openai',
    '--base-url',
    url,
    '--out',
    'out/letter.md',
    '--json',
    '--cache',
    'record',
    '--cache-dir',
    'cassettes',
  ],
  batch: (url) => [
    '--verbose',
    'batch',
    'postings',
    '--profile',
    validProfile,
    '--engine',
    'openai',
    '--base-url',
    url,
    '--out',
    'out',
  ],
  classify: (url) => [
    '--verbose',
    'classify',
    cleanPosting,
    '--engine',
    'openai',
    '--base-url',
    url,
    '--json',
  ],
  check: (url) => [
    '--verbose',
    'check',
    hostile('injected-letters/clean.md'),
    '--posting',
    cleanPosting,
    '--profile',
    validProfile,
    '--engine',
    'openai',
    '--base-url',
    url,
    '--json',
  ],
};

/**
 * Faults that only cost time: batch waits out 429s on its own schedule (seconds each), and a timeout takes the whole
 * timeout. One command each is enough to scan what they make lede write.
 */
function worthRunning(command: string, fault: string): boolean {
  if (fault.startsWith('429')) return command !== 'batch';
  if (fault === 'timeout') return command === 'draft';
  return true;
}

describe('the API key never appears in anything lede writes', () => {
  const faults = faultCatalogue(apiKey);
  for (const [command, argv] of Object.entries(commands)) {
    for (const [fault, handler] of Object.entries(faults)) {
      if (!worthRunning(command, fault)) continue;
      it(`${command}, ${fault}`, async () => {
        const server = await startChatServer(handler as ChatHandler);
        try {
          const cwd = await workspace();
          const run = await lede([...argv(server.baseUrl), '--max-retries', '0', '--timeout-ms', '1000'], {
            cwd,
            env: { OPENAI_API_KEY: apiKey },
          });
          expect(server.requests.length).toBeGreaterThan(0);
          // The key did travel where it belongs, so a leak-free result is not a run that never used it.
          expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
          expect(await leaks(run)).toEqual([]);
        } finally {
          await server.close();
        }
      });
    }
  }

  it('init and schema, with --verbose', async () => {
    const cwd = await workspace();
    const init = await lede(['--verbose', 'init', '--out', 'starter.yaml'], {
      cwd,
      env: { OPENAI_API_KEY: apiKey },
    });
    const schema = await lede(['--verbose', 'schema', 'profile'], { cwd, env: { OPENAI_API_KEY: apiKey } });
    expect([init.exitCode, schema.exitCode]).toEqual([0, 0]);
    expect([...(await leaks(init)), ...(await leaks(schema))]).toEqual([]);
  });

  it('a key written into a config file by mistake is refused without being echoed', async () => {
    const cwd = await workspace();
    await writeFile(join(cwd, 'lede.config.yaml'), `model: gpt-4o-mini\napiKey: ${apiKey}\n`);
    const server = await startChatServer((request, response) => answerWell(chatBody(request), response));
    try {
      const run = await lede(
        ['--verbose', 'classify', cleanPosting, '--engine', 'openai', '--base-url', server.baseUrl],
        { cwd },
      );
      expect(run.exitCode).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(
        `error: ${join(cwd, 'lede.config.yaml')}: apiKey does not belong in a config file`,
      );
      expect([run.stdout.includes(apiKey), run.stderr.includes(apiKey), server.requests.length]).toEqual([
        false,
        false,
        0,
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('a placeholder key for a local server', () => {
  it('is not a secret: nothing lede writes is cut where the placeholder happens to appear', async () => {
    const server = await startChatServer((request, response) => answerWell(chatBody(request), response));
    try {
      // Local servers accept any key; their docs suggest "x", "EMPTY" or "ollama".
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
          '--json',
        ],
        { env: { OPENAI_API_KEY: 'x' } },
      );
      const { letter } = JSON.parse(run.stdout) as { letter: string };
      expect({ exitCode: run.exitCode, letter, redacted: run.stdout.includes('[redacted]') }).toEqual({
        exitCode: 0,
        letter: cleanLetter,
        redacted: false,
      });
    } finally {
      await server.close();
    }
  });
});
