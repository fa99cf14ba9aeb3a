import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeServer, startFakeOpenAiServer } from '../../bench/fake-openai-server.js';
import { BatchSummarySchema } from '../../src/batch/batch-summary.js';
import { experiencedProfile } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: Parameters<typeof startFakeOpenAiServer>[0]): Promise<FakeServer> {
  const server = await startFakeOpenAiServer(options);
  servers.push(server);
  return server;
}

async function postings(count: number): Promise<string> {
  const cwd = await temporaryFolder();
  await mkdir(join(cwd, 'postings'));
  for (let index = 1; index <= count; index++) {
    await writeFile(
      join(cwd, 'postings', `role-${index}.txt`),
      `Machine Learning Engineer\nCompany: Company ${index}\n\nCompany ${index} is hiring a machine learning engineer to ` +
        'build ranking models, own feature pipelines, monitor models in production and work with the product teams.\n',
    );
  }
  return cwd;
}

function lede(cwd: string, server: FakeServer, extra: string[] = []) {
  return runLede(
    [
      'batch',
      'postings',
      '--profile',
      experiencedProfile,
      '--out',
      'letters',
      '--engine',
      'openai',
      '--cache',
      'off',
      '--max-attempts',
      '1',
      '--max-retries',
      '0',
      '--json',
      '--quiet',
      ...extra,
    ],
    { cwd, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test-key-not-real' } },
  );
}

describe('lede batch --engine openai against a local OpenAI-compatible server', () => {
  it('makes two calls per letter (the analysis and the draft) and counts them in the summary', async () => {
    const server = await serve({});
    const cwd = await postings(4);

    const run = await lede(cwd, server, ['--concurrency', '3']);

    const summary = BatchSummarySchema.parse(JSON.parse(run.stdout));
    expect(server.stats.bySchema).toEqual({
      posting_analysis: 4,
      cover_letter: 4,
    });
    expect(summary.rows.map((row) => [row.posting, row.company, row.attempts])).toEqual([
      ['role-1.txt', 'Company 1', 1],
      ['role-2.txt', 'Company 2', 1],
      ['role-3.txt', 'Company 3', 1],
      ['role-4.txt', 'Company 4', 1],
    ]);
    expect(summary.usage).toEqual({
      calls: 8,
      promptTokens: server.stats.promptTokens,
      completionTokens: server.stats.completionTokens,
      cachedCalls: 0,
    });
    expect(summary.estimatedCostUsd).toBeCloseTo(
      (server.stats.promptTokens * 0.15 + server.stats.completionTokens * 0.6) / 1e6,
      6,
    );
    expect(run.stderr).toBe('');
  });

  it('answers a rerun from the response cache for free, and asks the model again with --force', async () => {
    const server = await serve({});
    const cwd = await postings(2);
    // The batch's own default cache (auto), not the --cache off of the other tests.
    const batch = (extra: string[]) =>
      runLede(
        [
          'batch',
          'postings',
          '--profile',
          experiencedProfile,
          '--out',
          'letters',
          '--engine',
          'openai',
          '--max-attempts',
          '1',
          '--json',
          '--quiet',
          ...extra,
        ],
        { cwd, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test-key-not-real' } },
      );

    await batch([]);
    const sent = server.stats.chatRequests;
    // A changed word limit redoes every letter with the same reading requests: those come from the cache.
    const rerun = BatchSummarySchema.parse(JSON.parse((await batch(['--max-words', '240'])).stdout));
    expect(rerun.usage.cachedCalls).toBe(2);
    expect(server.stats.chatRequests).toBe(sent + 2);
    const forced = BatchSummarySchema.parse(
      JSON.parse((await batch(['--max-words', '240', '--force'])).stdout),
    );
    expect(forced.usage.cachedCalls).toBe(0);
    expect(server.stats.chatRequests).toBe(sent + 2 + forced.usage.calls);
  });

  it('waits out a 429 within --max-retries and finishes every letter', async () => {
    const server = await serve({ rateLimitEvery: 5, retryAfterMs: 100 });
    const cwd = await postings(3);

    const run = await lede(cwd, server, ['--concurrency', '1', '--max-retries', '1']);

    const summary = BatchSummarySchema.parse(JSON.parse(run.stdout));
    expect(server.stats.rateLimited).toBe(1);
    expect(summary.counts.error).toBe(0);
    expect(summary.usage.calls).toBe(6);
    expect(server.stats.chatRequests).toBe(7);
  });

  it('stops the batch on an exhausted quota with the provider words and the fix (exit 3)', async () => {
    const server = await serve({ outOfQuota: true });
    const cwd = await postings(3);

    const run = await lede(cwd, server, ['--concurrency', '1']);

    expect(run.exitCode).toBe(3);
    expect(server.stats.chatRequests).toBe(1);
    const summary = BatchSummarySchema.parse(JSON.parse(run.stdout));
    expect(summary.rows.map((row) => row.status)).toEqual(['error', 'not-run', 'not-run']);
    expect(run.stderr).toContain('says the account has no quota left (HTTP 429)');
    expect(run.stderr).not.toContain('test-key-not-real');
  });

  it('sends the calls as Batch API jobs with --via batch-api, round by round', async () => {
    const server = await serve({ batchApi: true, batchPollsUntilDone: 1 });
    const cwd = await postings(2);

    const run = await lede(cwd, server, ['--via', 'batch-api', '--poll-interval', '0.001']);

    const summary = BatchSummarySchema.parse(JSON.parse(run.stdout));
    expect(summary.rows.map((row) => [row.posting, row.company, row.attempts])).toEqual([
      ['role-1.txt', 'Company 1', 1],
      ['role-2.txt', 'Company 2', 1],
    ]);
    expect(server.stats.chatRequests).toBe(0);
    expect(server.stats.uploads.map((upload) => upload.lines)).toEqual([2, 2]);
    // Costs are kept to a millionth of a dollar (price-table.ts).
    expect(summary.estimatedCostUsd).toBeCloseTo(
      (server.stats.promptTokens * 0.075 + server.stats.completionTokens * 0.3) / 1e6,
      6,
    );
    expect(run.stderr).toBe(
      `lede: sending the model calls to ${server.url} as Batch API jobs (model gpt-4o-mini)\n`,
    );
  });

  it('refuses --via batch-api on an endpoint without the Batch API (exit 3)', async () => {
    const server = await serve({});
    const cwd = await postings(1);

    const run = await lede(cwd, server, ['--via', 'batch-api']);

    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain(`${server.url} does not offer the Batch API (HTTP 404 on /batches)`);
    expect(server.stats.uploads).toEqual([]);
  });
});
