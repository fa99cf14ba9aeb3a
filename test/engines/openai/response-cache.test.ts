import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LlmClient, LlmRequest, LlmResponse } from '../../../src/engines/openai/llm-client.js';
import { createLlmEngine } from '../../../src/engines/openai/llm-engine.js';
import { createOpenAiClient } from '../../../src/engines/openai/openai-client.js';
import { cacheKey, canonicalJson, withResponseCache } from '../../../src/engines/openai/response-cache.js';
import { LlmError } from '../../../src/errors.js';
import { loadPlaybooks } from '../../../src/playbooks/load-playbooks.js';
import { loadPosting } from '../../../src/posting/load-posting.js';
import { chatCompletion } from './support/chat-completion.js';
import { chatEndpoint, testBaseUrl } from './support/chat-endpoint.js';

const apiKey = 'test-key-not-real';

/** A client that answers "answer N" to its Nth call and records the requests. */
function countingClient(model = 'gpt-test'): LlmClient & { requests: LlmRequest[] } {
  const requests: LlmRequest[] = [];
  return {
    model,
    baseUrl: testBaseUrl,
    requests,
    async complete(request): Promise<LlmResponse> {
      requests.push(request);
      return {
        content: `answer ${requests.length}`,
        finishReason: 'stop',
        refusal: null,
        model: `${model}-2026-01-01`,
        promptTokens: 100,
        completionTokens: 10,
        cached: false,
      };
    },
  };
}

const request: LlmRequest = {
  messages: [
    { role: 'system', content: 'Classify.' },
    { role: 'user', content: '<posting>\nAcme\n</posting>' },
  ],
  schema: { name: 'industry_classification', schema: { type: 'object', properties: {} } },
  temperature: 0.2,
  maxTokens: 300,
  repeat: 1,
};

let folder: string;

beforeAll(() => {
  nock.disableNetConnect();
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lede-cache-'));
});

afterEach(async () => {
  nock.cleanAll();
  await rm(folder, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

describe('withResponseCache: modes', () => {
  it('auto: calls on a miss, stores one JSON file holding the request and the answer, then replays it', async () => {
    const inner = countingClient();
    const cache = withResponseCache(inner, { mode: 'auto', folder });

    const first = await cache.complete(request);
    const second = await cache.complete(request);

    expect(first).toEqual({
      content: 'answer 1',
      finishReason: 'stop',
      refusal: null,
      model: 'gpt-test-2026-01-01',
      promptTokens: 100,
      completionTokens: 10,
      cached: false,
    });
    expect(second).toEqual({ ...first, cached: true });
    expect(inner.requests).toHaveLength(1);
    const key = cacheKey(inner, request);
    expect(await readdir(folder)).toEqual([`${key}.json`]);
    expect(JSON.parse(await readFile(join(folder, `${key}.json`), 'utf8'))).toEqual({
      key,
      request: {
        baseUrl: testBaseUrl,
        model: 'gpt-test',
        messages: request.messages,
        schema: request.schema,
        temperature: 0.2,
        maxTokens: 300,
        repeat: 1,
      },
      response: {
        content: 'answer 1',
        finishReason: 'stop',
        refusal: null,
        model: 'gpt-test-2026-01-01',
        promptTokens: 100,
        completionTokens: 10,
      },
    });
  });

  it('record: always calls and overwrites the entry', async () => {
    const inner = countingClient();
    const cache = withResponseCache(inner, { mode: 'record', folder });
    await cache.complete(request);
    const second = await cache.complete(request);
    expect([second.content, second.cached, inner.requests.length]).toEqual(['answer 2', false, 2]);
    const replay = await withResponseCache(countingClient(), { mode: 'strict', folder }).complete(request);
    expect([replay.content, replay.cached]).toEqual(['answer 2', true]);
    expect(await readdir(folder)).toHaveLength(1);
  });

  it('strict: replays a recorded answer and never calls the endpoint', async () => {
    await withResponseCache(countingClient(), { mode: 'record', folder }).complete(request);
    const inner = countingClient();
    const replay = await withResponseCache(inner, { mode: 'strict', folder }).complete(request);
    expect([replay.content, replay.cached, inner.requests.length]).toEqual(['answer 1', true, 0]);
  });

  it('strict: a miss is llm.cache-miss naming the folder and how to record', async () => {
    const inner = countingClient();
    const error = await failure(withResponseCache(inner, { mode: 'strict', folder }).complete(request));
    expect(error.code).toBe('llm.cache-miss');
    expect(error.message).toBe(
      `The response cache in ${folder} has no answer for this request to ${testBaseUrl} (model gpt-test; ` +
        `entry ${cacheKey(inner, request)}.json). Run once with --cache record against the endpoint to record it, ` +
        'then replay with --cache strict.',
    );
    expect(inner.requests).toHaveLength(0);
  });

  it('off: is the client itself', () => {
    const inner = countingClient();
    expect(withResponseCache(inner, { mode: 'off', folder })).toBe(inner);
  });

  it('reports a damaged entry instead of replaying it', async () => {
    const inner = countingClient();
    await writeFile(join(folder, `${cacheKey(inner, request)}.json`), '{"key": "half', 'utf8');
    const error = await failure(withResponseCache(inner, { mode: 'auto', folder }).complete(request));
    expect(error.code).toBe('llm.cache-invalid');
    expect(error.hint).toBe('delete the file, or run again with --cache record to rewrite it');
  });
});

describe('cacheKey', () => {
  it('changes with every part of the request that decides the answer', () => {
    const client = countingClient();
    const base = cacheKey(client, request);
    const variants = [
      cacheKey(countingClient('gpt-other'), request),
      cacheKey({ ...client, baseUrl: 'http://localhost:11434/v1' }, request),
      cacheKey(client, { ...request, messages: [...request.messages, { role: 'user', content: 'more' }] }),
      cacheKey(client, { ...request, schema: undefined }),
      cacheKey(client, { ...request, temperature: 0.7 }),
      cacheKey(client, { ...request, maxTokens: 600 }),
      cacheKey(client, { ...request, repeat: 2 }),
    ];
    expect(new Set([base, ...variants]).size).toBe(8);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of keys in the schema', () => {
    const client = countingClient();
    const reordered = {
      ...request,
      schema: { name: 'industry_classification', schema: { properties: {}, type: 'object' } },
    };
    expect(cacheKey(client, reordered)).toBe(cacheKey(client, request));
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});

describe('withResponseCache: recorded against an OpenAI-compatible endpoint, replayed offline', () => {
  it('records through the openai adapter, replays in strict mode with no endpoint, and counts cached calls', async () => {
    const playbooks = await loadPlaybooks();
    const posting = await loadPosting('test/fixtures/llm/postings/quarry-bank-fraud.txt');
    const classification = { industry: 'finance', confidence: 0.9, signals: ['Quarry Bank'] };
    const analysis = {
      company: 'Quarry Bank',
      role: null,
      hiringManager: null,
      hook: null,
      requiredTools: [],
    };
    const { scope } = chatEndpoint([
      {
        body: chatCompletion({
          content: JSON.stringify({ ...classification, ...analysis }),
          promptTokens: 300,
          completionTokens: 20,
        }),
      },
    ]);
    const live = createOpenAiClient({ apiKey, baseUrl: testBaseUrl, model: 'gpt-test', maxRetries: 0 });

    const recorded = await createLlmEngine({
      client: withResponseCache(live, { mode: 'record', folder }),
      temperature: 0,
    }).readPosting(posting, playbooks);
    scope.done();

    // No interceptor is left: any request would now fail with a network error.
    const replayed = await createLlmEngine({
      client: withResponseCache(live, { mode: 'strict', folder }),
      temperature: 0,
    }).readPosting(posting, playbooks);

    expect(recorded).toMatchObject({
      value: { industry: classification, analysis },
      usage: { calls: 1, promptTokens: 300, completionTokens: 20, cachedCalls: 0 },
    });
    expect(replayed).toMatchObject({
      value: { industry: classification, analysis },
      usage: {
        calls: 1,
        promptTokens: 300,
        completionTokens: 20,
        cachedCalls: 1,
        cachedPromptTokens: 300,
        cachedCompletionTokens: 20,
      },
    });
    const [entry] = await readdir(folder);
    const text = await readFile(join(folder, entry ?? ''), 'utf8');
    expect(text).not.toContain(apiKey);
    expect(text).not.toMatch(/bearer/i);
    expect(Object.keys(JSON.parse(text))).toEqual(['key', 'request', 'response']);

    const otherModel = createOpenAiClient({
      apiKey,
      baseUrl: testBaseUrl,
      model: 'gpt-other',
      maxRetries: 0,
    });
    const miss = await failure(
      createLlmEngine({
        client: withResponseCache(otherModel, { mode: 'strict', folder }),
        temperature: 0,
      }).readPosting(posting, playbooks),
    );
    expect(miss.code).toBe('llm.cache-miss');
  });
});
