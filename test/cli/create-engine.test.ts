import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineChoiceMessage } from '../../src/cli/create-engine.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { apiError, chatCompletion } from '../engines/openai/support/chat-completion.js';
import { orbitlyAnalysis, orbitlyPosting } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

const apiKey = 'test-key-not-real';
const baseUrl = 'https://llm.test/v1';
const env = {
  OPENAI_API_KEY: apiKey,
  OPENAI_BASE_URL: baseUrl,
  LEDE_MODEL: 'gpt-test',
  LEDE_MAX_RETRIES: '0',
  // The example posting reads confidently offline; these tests are about the endpoint, so the model reads it.
  LEDE_ANALYSIS: 'model',
};

const classification = { industry: 'tech', confidence: 0.8, signals: ['ML Platform team', 'Kubernetes'] };

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});

describe('engineChoiceMessage', () => {
  it('says which engine auto picked and why', () => {
    expect([
      engineChoiceMessage(resolveConfig({}, {})),
      engineChoiceMessage(resolveConfig({}, { OPENAI_API_KEY: apiKey })),
      engineChoiceMessage(
        resolveConfig({}, { OPENAI_BASE_URL: 'http://localhost:11434/v1', LEDE_MODEL: 'llama3.1' }),
      ),
    ]).toEqual([
      'lede: using the offline engine (no OPENAI_API_KEY or OPENAI_BASE_URL set)\n',
      'lede: using the openai engine, model gpt-4o-mini at https://api.openai.com/v1 (OPENAI_API_KEY is set)\n',
      'lede: using the openai engine, model llama3.1 at http://localhost:11434/v1 (an OpenAI base URL is set)\n',
    ]);
  });
});

describe('the openai engine, wired from the config', () => {
  function answerAnalysis(bodies: Record<string, unknown>[]) {
    return nock(baseUrl)
      .matchHeader('authorization', `Bearer ${apiKey}`)
      .post('/chat/completions', (body) => {
        bodies.push(body);
        return true;
      })
      .reply(200, chatCompletion({ content: JSON.stringify({ ...classification, ...orbitlyAnalysis }) }));
  }

  it('classifies through the endpoint with the configured model and temperature, and says so on stderr', async () => {
    const bodies: Record<string, unknown>[] = [];
    const scope = answerAnalysis(bodies);
    const run = await runLede(['classify', orbitlyPosting, '--json', '--temperature', '0.1'], {
      cwd: await temporaryFolder(),
      env,
    });
    scope.done();
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({
      exitCode: 0,
      stderr:
        'lede: using the openai engine, model gpt-test at https://llm.test/v1 (an OpenAI base URL is set)\n',
    });
    expect(JSON.parse(run.stdout)).toEqual({
      source: orbitlyPosting,
      ...classification,
      ...orbitlyAnalysis,
      usage: { calls: 1, promptTokens: 120, completionTokens: 30, cachedCalls: 0 },
    });
    expect(bodies.map((body) => [body.model, body.temperature])).toEqual([['gpt-test', 0.1]]);
  });

  it('replays a run from the response cache without calling the endpoint', async () => {
    const cwd = await temporaryFolder();
    const scope = answerAnalysis([]);
    const argv = ['classify', orbitlyPosting, '--json', '--cache', 'auto', '--cache-dir', 'cassettes'];
    const first = await runLede(argv, { cwd, env });
    scope.done();
    const second = await runLede(argv, { cwd, env });
    expect([first.exitCode, second.exitCode, JSON.parse(second.stdout).usage]).toEqual([
      0,
      0,
      {
        calls: 1,
        promptTokens: 120,
        completionTokens: 30,
        cachedCalls: 1,
        cachedPromptTokens: 120,
        cachedCompletionTokens: 30,
      },
    ]);
  });

  it('exits 3 on a refused key and never prints the key', async () => {
    nock(baseUrl)
      .post('/chat/completions')
      .reply(401, apiError(`Incorrect API key provided: ${apiKey}.`, { code: 'invalid_api_key' }));
    const run = await runLede(['classify', orbitlyPosting, '--verbose'], {
      cwd: await temporaryFolder(),
      env,
    });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('error: ');
    expect(`${run.stdout}${run.stderr}`).not.toContain(apiKey);
  });
});
