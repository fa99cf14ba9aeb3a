import { beforeAll, describe, expect, it } from 'vitest';
import {
  commandTimeoutMs,
  type LedeRun,
  realModelEndpoint,
  runLede,
  servedRequests,
} from '../support/real-model/real-model-endpoint.js';

const endpoint = realModelEndpoint();

describe.skipIf(endpoint === undefined)('lede draft against a real model slower than --timeout-ms', () => {
  let run: LedeRun;

  beforeAll(async () => {
    if (endpoint === undefined) return;
    // No model on a CPU reads a posting and answers in JSON within a second (lede's shortest timeout); one try, so the
    // timeout is the end.
    run = await runLede(endpoint, [
      'draft',
      'examples/postings/orbitly-ml-platform.md',
      '--profile',
      'examples/profiles/experienced-mle.yaml',
      '--engine',
      'openai',
      '--cache',
      'off',
      '--timeout-ms',
      '1000',
      '--max-retries',
      '0',
    ]);
  }, commandTimeoutMs + 10_000);

  it('fails with the timeout in one line that names the endpoint and the limit, no stack trace', () => {
    expect(run.status, run.stderr).toBe(3);
    const [first = ''] = run.stderr.split('\n');
    expect(first).toContain(endpoint?.baseUrl);
    expect(first).toContain('did not answer within 1s');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).toBe('');
  });

  it('leaves the server to stop generating for a client that has gone', async (context) => {
    if (endpoint?.statsUrl === undefined) {
      return context.skip('the endpoint is not the test server: its request log is unknown');
    }
    // The server saw the call and dropped it when lede hung up (499), instead of answering no one. It notices between
    // two steps of the model, so on a loaded machine that can take a while.
    await expect
      .poll(async () => (await servedRequests(endpoint))?.at(-1)?.status, { timeout: 60_000, interval: 500 })
      .toBe(499);
  }, 70_000);

  it('never shows the API key', (context) => {
    if (endpoint === undefined || endpoint.apiKey === '') return context.skip('no key was given to lede');
    expect(`${run.stdout}${run.stderr}`).not.toContain(endpoint.apiKey);
  });
});
