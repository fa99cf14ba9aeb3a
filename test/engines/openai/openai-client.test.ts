import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LlmRequest } from '../../../src/engines/openai/llm-client.js';
import { createOpenAiClient, type OpenAiClientOptions } from '../../../src/engines/openai/openai-client.js';
import { AbortedError, LlmError } from '../../../src/errors.js';
import { apiError, chatCompletion } from './support/chat-completion.js';

const apiKey = 'test-key-not-real';
const baseUrl = 'https://llm.test/v1';

function client(options: Partial<OpenAiClientOptions> = {}) {
  return createOpenAiClient({ apiKey, baseUrl, model: 'gpt-test', maxRetries: 0, ...options });
}

const schemaRequest: LlmRequest = {
  messages: [
    { role: 'system', content: 'Classify the posting.' },
    { role: 'user', content: '<posting>\nAcme Bank hires an ML engineer.\n</posting>' },
  ],
  schema: {
    name: 'industry_classification',
    schema: {
      type: 'object',
      properties: { industry: { type: 'string' } },
      required: ['industry'],
      additionalProperties: false,
    },
  },
  temperature: 0.2,
  maxTokens: 500,
};

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

beforeAll(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
});

describe('createOpenAiClient: requests and answers', () => {
  it('sends the model, messages, sampling and a strict json_schema, and returns content, finish reason and usage', async () => {
    let body: Record<string, unknown> = {};
    const scope = nock(baseUrl)
      .matchHeader('authorization', `Bearer ${apiKey}`)
      .post('/chat/completions', (sent) => {
        body = sent;
        return true;
      })
      .reply(
        200,
        chatCompletion({ content: '{"industry":"finance"}', promptTokens: 210, completionTokens: 9 }),
      );

    const response = await client().complete(schemaRequest);

    expect(body).toEqual({
      model: 'gpt-test',
      messages: schemaRequest.messages,
      temperature: 0.2,
      max_tokens: 500,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'industry_classification', schema: schemaRequest.schema?.schema, strict: true },
      },
    });
    expect(response).toEqual({
      content: '{"industry":"finance"}',
      finishReason: 'stop',
      refusal: null,
      model: 'gpt-test-2026-01-01',
      promptTokens: 210,
      completionTokens: 9,
      cached: false,
    });
    scope.done();
  });

  it('sends free-text requests without response_format, temperature or max_tokens when none are set', async () => {
    let body: Record<string, unknown> = {};
    const scope = nock(baseUrl)
      .post('/chat/completions', (sent) => {
        body = sent;
        return true;
      })
      .reply(200, chatCompletion({ content: 'Hello.' }));
    const messages = [{ role: 'user' as const, content: 'Say hello.' }];
    const response = await client().complete({ messages });
    expect(body).toEqual({ model: 'gpt-test', messages });
    expect(response.content).toBe('Hello.');
    scope.done();
  });

  it('reports the refusal and the finish reason as the endpoint gave them', async () => {
    const scope = nock(baseUrl)
      .post('/chat/completions')
      .reply(200, chatCompletion({ content: null, refusal: "I can't help with that." }))
      .post('/chat/completions')
      .reply(200, chatCompletion({ content: '{"indus', finishReason: 'length' }));
    const refused = await client().complete(schemaRequest);
    const truncated = await client().complete(schemaRequest);
    expect([refused.content, refused.refusal, refused.finishReason]).toEqual([
      '',
      "I can't help with that.",
      'stop',
    ]);
    expect([truncated.content, truncated.refusal, truncated.finishReason]).toEqual([
      '{"indus',
      null,
      'length',
    ]);
    scope.done();
  });

  it('sends extra headers, and a placeholder key when a local server needs none', async () => {
    const scope = nock('http://localhost:11434/v1')
      .matchHeader('authorization', 'Bearer no-key')
      .matchHeader('x-gateway-route', 'ml-team')
      .post('/chat/completions')
      .reply(200, chatCompletion({ content: 'ok' }));
    const local = createOpenAiClient({
      baseUrl: 'http://localhost:11434/v1/',
      model: 'llama3.1:8b',
      maxRetries: 0,
      headers: { 'x-gateway-route': 'ml-team' },
    });
    expect(local.baseUrl).toBe('http://localhost:11434/v1');
    expect((await local.complete({ messages: [{ role: 'user', content: 'hi' }] })).content).toBe('ok');
    scope.done();
  });
});

describe('createOpenAiClient: servers without JSON Schema', () => {
  it('falls back to json_object with the schema in the system prompt when json_schema is rejected, once per client', async () => {
    const bodies: Record<string, unknown>[] = [];
    const record = (sent: Record<string, unknown>) => {
      bodies.push(sent);
      return true;
    };
    const scope = nock(baseUrl)
      .post('/chat/completions', record)
      .reply(400, apiError("response_format type 'json_schema' is not supported by this server"))
      .post('/chat/completions', record)
      .reply(200, chatCompletion({ content: '{"industry":"tech"}' }))
      .post('/chat/completions', record)
      .reply(200, chatCompletion({ content: '{"industry":"retail"}' }));
    const notices: string[] = [];
    const fallback = client({ onNotice: (notice) => notices.push(notice) });

    expect((await fallback.complete(schemaRequest)).content).toBe('{"industry":"tech"}');
    expect((await fallback.complete(schemaRequest)).content).toBe('{"industry":"retail"}');

    expect(bodies.map((body) => (body.response_format as { type: string }).type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
    const schemaText = JSON.stringify(schemaRequest.schema?.schema, null, 2);
    expect(bodies[1]).toEqual({
      model: 'gpt-test',
      messages: [
        {
          role: 'system',
          content: expect.stringMatching(
            /^Classify the posting\.\n\n[\s\S]*industry_classification[\s\S]*\}$/,
          ),
        },
        schemaRequest.messages[1],
      ],
      temperature: 0.2,
      max_tokens: 500,
      response_format: { type: 'json_object' },
    });
    expect(JSON.stringify(bodies[1])).toContain(JSON.stringify(schemaText).slice(1, -1));
    expect(notices).toEqual([
      'https://llm.test/v1 (model gpt-test) does not accept JSON Schema output; using JSON mode with the schema in the prompt',
    ]);
    scope.done();
  });

  it('uses json_object from the first call when configured so', async () => {
    let body: Record<string, unknown> = {};
    const scope = nock(baseUrl)
      .post('/chat/completions', (sent) => {
        body = sent;
        return true;
      })
      .reply(200, chatCompletion({ content: '{"industry":"tech"}' }));
    await client({ jsonMode: 'json_object' }).complete(schemaRequest);
    expect(body.response_format).toEqual({ type: 'json_object' });
    scope.done();
  });

  it('switches to max_completion_tokens and drops temperature when the model rejects them', async () => {
    const bodies: Record<string, unknown>[] = [];
    const record = (sent: Record<string, unknown>) => {
      bodies.push(sent);
      return true;
    };
    const scope = nock(baseUrl)
      .post('/chat/completions', record)
      .reply(
        400,
        apiError(
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          { param: 'max_tokens', code: 'unsupported_parameter' },
        ),
      )
      .post('/chat/completions', record)
      .reply(
        400,
        apiError("Unsupported value: 'temperature' does not support 0.2 with this model.", {
          param: 'temperature',
          code: 'unsupported_value',
        }),
      )
      .post('/chat/completions', record)
      .reply(200, chatCompletion({ content: '{"industry":"tech"}' }));
    await client().complete(schemaRequest);
    expect(bodies.map((body) => [body.max_tokens, body.max_completion_tokens, body.temperature])).toEqual([
      [500, undefined, 0.2],
      [undefined, 500, 0.2],
      [undefined, 500, undefined],
    ]);
    scope.done();
  });
});

describe('createOpenAiClient: errors', () => {
  const cases = [
    {
      name: '401 bad key',
      status: 401,
      body: apiError(`Incorrect API key provided: ${apiKey}. You can find your API key at the dashboard.`, {
        code: 'invalid_api_key',
      }),
      headers: {},
      expected: { code: 'llm.auth', retryable: false, status: 401, retryAfterSeconds: undefined },
      says: 'Set OPENAI_API_KEY',
    },
    {
      name: '403 forbidden',
      status: 403,
      body: apiError('Project does not have access to model gpt-test'),
      headers: {},
      expected: { code: 'llm.auth', retryable: false, status: 403, retryAfterSeconds: undefined },
      says: 'Set OPENAI_API_KEY',
    },
    {
      name: '404 unknown model',
      status: 404,
      body: apiError('The model `gpt-test` does not exist or you do not have access to it.', {
        code: 'model_not_found',
      }),
      headers: {},
      expected: { code: 'llm.model-not-found', retryable: false, status: 404, retryAfterSeconds: undefined },
      says: 'Set LEDE_MODEL or --model',
    },
    {
      name: '429 rate limit with retry-after',
      status: 429,
      body: apiError('Rate limit reached for gpt-test on requests per min.', { type: 'requests' }),
      headers: { 'retry-after': '7' },
      expected: { code: 'llm.rate-limit', retryable: true, status: 429, retryAfterSeconds: 7 },
      says: 'retry after 7s',
    },
    {
      name: '429 rate limit without retry-after',
      status: 429,
      body: apiError('Rate limit reached.', { type: 'requests' }),
      headers: {},
      expected: { code: 'llm.rate-limit', retryable: true, status: 429, retryAfterSeconds: undefined },
      says: 'Wait and run again',
    },
    {
      name: '429 out of quota',
      status: 429,
      body: apiError('You exceeded your current quota, please check your plan and billing details.', {
        type: 'insufficient_quota',
        code: 'insufficient_quota',
      }),
      headers: {},
      expected: { code: 'llm.quota', retryable: false, status: 429, retryAfterSeconds: undefined },
      says: 'billing settings',
    },
    {
      name: '500 server error',
      status: 500,
      body: apiError('The server had an error while processing your request.', { type: 'server_error' }),
      headers: {},
      expected: { code: 'llm.server', retryable: true, status: 500, retryAfterSeconds: undefined },
      says: 'try again later',
    },
    {
      name: '503 unavailable',
      status: 503,
      body: apiError('The engine is currently overloaded.', { type: 'server_error' }),
      headers: {},
      expected: { code: 'llm.server', retryable: true, status: 503, retryAfterSeconds: undefined },
      says: 'try again later',
    },
    {
      name: '400 other bad request',
      status: 400,
      body: apiError("Invalid value for 'messages[0].role'."),
      headers: {},
      expected: { code: 'llm.bad-request', retryable: false, status: 400, retryAfterSeconds: undefined },
      says: 'supports chat completions',
    },
  ];

  for (const example of cases) {
    it(`maps ${example.name} to ${example.expected.code}, naming the endpoint and the fix, never the key`, async () => {
      const scope = nock(baseUrl)
        .post('/chat/completions')
        .reply(example.status, example.body, example.headers);
      const error = await failure(client().complete(schemaRequest));
      expect({
        code: error.code,
        retryable: error.retryable,
        status: error.status,
        retryAfterSeconds: error.retryAfterSeconds,
      }).toEqual(example.expected);
      expect(error.message).toContain('https://llm.test/v1 (model gpt-test)');
      expect(error.message).toContain(example.says);
      const surfaced = [error.message, error.hint ?? '', (error.cause as Error).message, String(error.stack)];
      expect(surfaced.join('\n')).not.toContain(apiKey);
      scope.done();
    });
  }

  it('leaves transport retries to the SDK: maxRetries 1 sends a rate-limited request twice, then reports it', async () => {
    const limited = {
      status: 429,
      body: apiError('Rate limit reached.', { type: 'requests' }),
      headers: { 'retry-after-ms': '1' },
    };
    const scope = nock(baseUrl)
      .post('/chat/completions')
      .reply(limited.status, limited.body, limited.headers)
      .post('/chat/completions')
      .reply(limited.status, limited.body, limited.headers);
    const error = await failure(client({ maxRetries: 1 }).complete(schemaRequest));
    expect([error.code, error.retryAfterSeconds]).toEqual(['llm.rate-limit', 0.001]);
    scope.done();
  });

  it('recovers when the SDK retry succeeds', async () => {
    const scope = nock(baseUrl)
      .post('/chat/completions')
      .reply(503, apiError('overloaded', { type: 'server_error' }), { 'retry-after-ms': '1' })
      .post('/chat/completions')
      .reply(200, chatCompletion({ content: '{"industry":"tech"}' }));
    expect((await client({ maxRetries: 1 }).complete(schemaRequest)).content).toBe('{"industry":"tech"}');
    scope.done();
  });

  it('scrubs the key from a 401 that echoes it back', async () => {
    const scope = nock(baseUrl)
      .post('/chat/completions')
      .reply(401, apiError(`Incorrect API key provided: ${apiKey}.`, { code: 'invalid_api_key' }));
    const error = await failure(client().complete(schemaRequest));
    expect(error.message).toBe(
      'https://llm.test/v1 (model gpt-test) rejected the API key (HTTP 401): Incorrect API key provided: [redacted]. ' +
        'Set OPENAI_API_KEY (environment or .env) to a valid key for this endpoint.',
    );
    expect((error.cause as Error).message).toBe('Incorrect API key provided: [redacted]');
    scope.done();
  });

  /** A fetch that never answers and gives up only when aborted (nock's delay trips undici on abort). */
  const silentFetch: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });

  it('maps a timeout to llm.timeout', async () => {
    const error = await failure(client({ timeoutMs: 20, fetch: silentFetch }).complete(schemaRequest));
    expect([error.code, error.retryable]).toEqual(['llm.timeout', true]);
    expect(error.message).toBe(
      'https://llm.test/v1 (model gpt-test) did not answer within 20ms. ' +
        'Try again, raise the timeout, or use a smaller or faster model.',
    );
  });

  it('maps a reset connection to llm.connection with the underlying cause', async () => {
    const scope = nock(baseUrl)
      .post('/chat/completions')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await failure(client().complete(schemaRequest));
    expect([error.code, error.retryable]).toEqual(['llm.connection', true]);
    expect(error.message).toBe(
      'Cannot reach https://llm.test/v1 (model gpt-test): socket hang up (ECONNRESET). ' +
        'Check OPENAI_BASE_URL and that the server is running.',
    );
    scope.done();
  });

  it('maps a truncated body and an answer without choices to llm.bad-response', async () => {
    const scope = nock(baseUrl)
      .post('/chat/completions')
      .reply(200, '{"id":"chatcmpl-1","choices":[{"message":', { 'content-type': 'application/json' })
      .post('/chat/completions')
      .reply(200, { id: 'chatcmpl-2', object: 'chat.completion', choices: [] });
    const truncated = await failure(client().complete(schemaRequest));
    const empty = await failure(client().complete(schemaRequest));
    expect([truncated.code, empty.code]).toEqual(['llm.bad-response', 'llm.bad-response']);
    expect(empty.message).toContain('answered without any choice');
    scope.done();
  });

  it('turns a cancelled request into an AbortedError', async () => {
    const controller = new AbortController();
    const pending = client({ fetch: silentFetch }).complete(schemaRequest, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AbortedError);
    expect((error as AbortedError).code).toBe('aborted.signal');
  });
});
