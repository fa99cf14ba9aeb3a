import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { type BatchSummary, BatchSummarySchema } from '../../../src/batch/batch-summary.js';
import type { LedeRun, RunOptions } from '../../cli/run-lede.js';
import { type ChatHandler, type ChatServer, startChatServer } from './chat-server.js';
import { expectNoStackTrace, lede } from './hostile.js';

/** The key the endpoint cases send: fake, and easy to spot if it ever leaks into what lede prints. */
export const fakeApiKey = 'test-key-not-real-SECRET123';
export const fakeModel = 'gpt-hostile';

/** `serve(handler)` starts a local OpenAI-compatible server for one test; it is closed after that test. */
export function chatServerPerTest(): (handler: ChatHandler) => Promise<ChatServer> {
  let server: ChatServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (handler) => {
    server = await startChatServer(handler);
    return server;
  };
}

/**
 * lede on the openai engine against `endpoint`, with the fake key in the environment. Whatever the endpoint did, lede
 * prints no stack trace and never the key.
 */
export async function ledeAgainst(
  endpoint: ChatServer,
  argv: readonly string[],
  options: Partial<RunOptions> = {},
): Promise<LedeRun & { cwd: string }> {
  const run = await lede(
    [...argv, '--engine', 'openai', '--base-url', endpoint.baseUrl, '--model', fakeModel],
    { ...options, env: { OPENAI_API_KEY: fakeApiKey, ...options.env } },
  );
  expectNoStackTrace(`${run.stdout}${run.stderr}`);
  expect(`${run.stdout}${run.stderr}`).not.toContain(fakeApiKey);
  return run;
}

/** The summary.json a batch wrote into `out`, checked against its schema. */
export async function batchSummary(out: string): Promise<BatchSummary> {
  return BatchSummarySchema.parse(JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')));
}
