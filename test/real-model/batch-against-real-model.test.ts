import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/batch/batch-summary.js';
import type { ServedRequest } from '../support/real-model/chat-server.js';
import {
  commandTimeoutMs,
  type LedeRun,
  realModelEndpoint,
  runLede,
  servedRequests,
  usageOf,
} from '../support/real-model/real-model-endpoint.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

const endpoint = realModelEndpoint();
const postings = ['harborline-bank-credit-risk.txt', 'fernway-grocers-demand-forecasting.txt'];

describe.skipIf(endpoint === undefined)('lede batch --engine openai against a real model', () => {
  let run: LedeRun;
  let summary: BatchSummary;
  let summaryText: string;
  let served: readonly ServedRequest[] | undefined;

  beforeAll(async () => {
    if (endpoint === undefined) return;
    const folder = await newTemporaryFolder('real-model-batch');
    await mkdir(join(folder, 'postings'));
    for (const name of postings)
      await copyFile(join('examples', 'postings', name), join(folder, 'postings', name));
    const before = (await servedRequests(endpoint))?.length ?? 0;
    run = await runLede(endpoint, [
      'batch',
      join(folder, 'postings'),
      '--profile',
      'examples/profiles/experienced-mle.yaml',
      '--out',
      join(folder, 'letters'),
      '--engine',
      'openai',
      // The model reads the posting too (by default a confident offline reading stands in): its answer must come
      // through the grammar and parse.
      '--analysis',
      'model',
      '--cache',
      'off',
      // The server answers one request at a time, so a call may wait for another before its own turn: a long limit,
      // and no silent retry that would make the server's counts differ from lede's.
      '--timeout-ms',
      '300000',
      '--max-retries',
      '0',
      // Greedy decoding: the same answers on every run, whatever the server's seed. At lede's default 0.4 this 135M
      // model can put a confidence of 3 in the posting's reading, twice, and then no letter is written at all.
      '--temperature',
      '0',
      '--max-attempts',
      '1',
      '--concurrency',
      '2',
      '--quiet',
    ]);
    served = (await servedRequests(endpoint))?.slice(before);
    // Anything but the critic's verdict leaves no files to read: say what lede said instead.
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`lede exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
    summaryText = await readFile(join(folder, 'letters', 'summary.json'), 'utf8');
    summary = JSON.parse(summaryText) as BatchSummary;
  }, commandTimeoutMs + 10_000);

  it("ends with the critic's verdict (0 or 1), every posting with a letter", () => {
    expect([0, 1], run.stderr).toContain(run.status);
    expect(summary.counts).toMatchObject({ postings: postings.length, badInput: 0, error: 0, notRun: 0 });
    expect(summary.counts.passed + summary.counts.passedAfterRevision + summary.counts.failed).toBe(
      postings.length,
    );
    expect(summary.rows.every((row) => row.words > 0 && row.attempts === 1)).toBe(true);
  });

  it("adds the postings' calls and tokens up to the summary's, and those to the server's", (context) => {
    const sum = (key: 'calls' | 'promptTokens' | 'completionTokens') =>
      summary.rows.reduce((total, row) => total + row.usage[key], 0);
    expect(summary.usage).toMatchObject({
      calls: sum('calls'),
      promptTokens: sum('promptTokens'),
      completionTokens: sum('completionTokens'),
    });
    // An analysis and a letter per posting, at the least.
    expect(summary.usage.calls).toBeGreaterThanOrEqual(2 * postings.length);
    if (served === undefined)
      return context.skip('the endpoint is not the test server: its counts are unknown');
    expect(summary.usage).toMatchObject(usageOf(served));
  });

  it('never shows the API key, in its output or its summary', (context) => {
    if (endpoint === undefined || endpoint.apiKey === '') return context.skip('no key was given to lede');
    for (const text of [run.stdout, run.stderr, summaryText]) expect(text).not.toContain(endpoint.apiKey);
  });
});
