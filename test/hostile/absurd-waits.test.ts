import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { apiError, type ChatServer, chatBody, completion, sendJson } from './support/chat-server.js';
import { cleanPosting, validProfile } from './support/hostile.js';
import { answerWell, stageAnswer } from './support/lanternfish.js';
import { batchSummary, chatServerPerTest, fakeModel, ledeAgainst } from './support/scripted-endpoint.js';

const serve = chatServerPerTest();

async function postings(count: number): Promise<{ folder: string; out: string }> {
  const folder = join(await temporaryFolder(), 'postings');
  await mkdir(folder);
  const text = await readFile(cleanPosting, 'utf8');
  for (let index = 0; index < count; index++) await writeFile(join(folder, `p${index}.txt`), text);
  return { folder, out: join(folder, '..', 'out') };
}

async function batch(endpoint: ChatServer, count: number, signal?: AbortSignal) {
  const { folder, out } = await postings(count);
  const started = Date.now();
  const run = await ledeAgainst(
    endpoint,
    ['batch', folder, '--profile', validProfile, '--out', out, '--concurrency', '1', '--quiet'],
    signal === undefined ? {} : { signal },
  );
  return { ...run, summary: await batchSummary(out), seconds: (Date.now() - started) / 1000 };
}

const rateLimited = apiError('Rate limit reached', 'requests', 'rate_limit_exceeded');

describe('an absurd wait asked by the endpoint is its fault: the batch stops at once, it never hangs', () => {
  it('a 429 with retry-after: 1000000000 stops the batch with the reason, even with --quiet', async () => {
    const endpoint = await serve((_request, response) =>
      sendJson(response, 429, rateLimited, { 'retry-after': '1000000000' }),
    );
    const run = await batch(endpoint, 2);
    expect({
      exitCode: run.exitCode,
      stopReason: run.summary.stopReason,
      rows: run.summary.rows.map((row) => [row.status, row.error?.code ?? null]),
      requests: endpoint.requests.length,
      fast: run.seconds < 10,
    }).toEqual({
      exitCode: ExitCode.llmFailed,
      stopReason: 'fatal',
      rows: [
        ['error', 'llm.absurd-wait'],
        ['not-run', null],
      ],
      requests: 1,
      fast: true,
    });
    expect(run.stderr).toContain(
      `${endpoint.baseUrl} (model ${fakeModel}) asked lede to wait 1000000000s (retry-after on an HTTP 429), longer than the 600s pause limit`,
    );
    expect(run.stderr).toContain('--max-pause');
  });

  it('a 200 saying a budget resets in 99999999h stops the batch before the next call', async () => {
    const endpoint = await serve((request, response) =>
      sendJson(response, 200, completion(stageAnswer(chatBody(request))), {
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '99999999h',
      }),
    );
    const run = await batch(endpoint, 2);
    expect({
      exitCode: run.exitCode,
      stopReason: run.summary.stopReason,
      codes: run.summary.rows.map((row) => row.error?.code ?? null),
      requests: endpoint.requests.length,
      fast: run.seconds < 10,
    }).toEqual({
      exitCode: ExitCode.llmFailed,
      stopReason: 'fatal',
      codes: ['llm.absurd-wait', null],
      requests: 1,
      fast: true,
    });
    expect(run.stderr).toContain('(x-ratelimit-reset for a spent budget)');
  });

  it('one signal ends a batch paused by a believable retry-after, without waiting it out', async () => {
    const controller = new AbortController();
    const endpoint = await serve((request, response, index) => {
      if (index === 0) return answerWell(chatBody(request), response);
      // The second call is told to come back in five minutes; the user stops the batch meanwhile.
      setTimeout(() => controller.abort(new Error('SIGTERM')), 200);
      sendJson(response, 429, rateLimited, { 'retry-after': '300' });
    });
    const run = await batch(endpoint, 2, controller.signal);
    expect({
      exitCode: run.exitCode,
      stopReason: run.summary.stopReason,
      statuses: run.summary.rows.map((row) => row.status),
      fast: run.seconds < 10,
    }).toEqual({
      exitCode: ExitCode.interrupted,
      stopReason: 'signal',
      statuses: ['interrupted', 'not-run'],
      fast: true,
    });
  });
});
