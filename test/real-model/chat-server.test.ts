import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiClient } from '../../src/engines/openai/openai-client.js';
import type { ChatModel, ModelAnswer, ModelRequest } from '../support/real-model/chat-model.js';
import { UnsupportedSchemaError } from '../support/real-model/chat-model.js';
import { type ChatServer, startChatServer } from '../support/real-model/chat-server.js';

const key = 'test-server-key-1234';
const schema = {
  type: 'object',
  properties: { letter: { type: 'string' } },
  required: ['letter'],
  additionalProperties: false,
};

/** A model that records what it is asked and answers from a script; `hang` waits until the client gives up. */
function fakeModel(answer: (request: ModelRequest) => ModelAnswer | 'hang') {
  const requests: ModelRequest[] = [];
  const aborted: boolean[] = [];
  const model: ChatModel = {
    id: 'tiny-model',
    complete(request, signal) {
      requests.push(request);
      const reply = answer(request);
      if (reply !== 'hang') return Promise.resolve(reply);
      return new Promise((_, reject) => {
        signal.addEventListener('abort', () => {
          aborted.push(true);
          reject(signal.reason);
        });
      });
    },
  };
  return { model, requests, aborted };
}

const answer: ModelAnswer = {
  content: '{"letter":"Hi"}',
  finishReason: 'stop',
  promptTokens: 31,
  completionTokens: 7,
};

let server: ChatServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function post(body: unknown, authorization = `Bearer ${key}`) {
  const response = await fetch(`${server?.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the real-model test server', () => {
  it("lists its model on GET /v1/models, as OpenAI's API does", async () => {
    server = await startChatServer({ model: fakeModel(() => answer).model, apiKey: key });
    const response = await fetch(`${server.baseUrl}/models`, { headers: { authorization: `Bearer ${key}` } });
    expect(await response.json()).toEqual({
      object: 'list',
      data: [{ id: 'tiny-model', object: 'model', created: 0, owned_by: 'lede-tests' }],
    });
  });

  it("answers lede's own client with the model's text, finish reason and token counts", async () => {
    const fake = fakeModel(() => answer);
    server = await startChatServer({ model: fake.model, apiKey: key });
    const client = createOpenAiClient({
      baseUrl: server.baseUrl,
      model: 'tiny-model',
      apiKey: key,
      maxRetries: 0,
    });
    const response = await client.complete({
      messages: [
        { role: 'system', content: 'Write JSON.' },
        { role: 'user', content: 'A letter.' },
      ],
      schema: { name: 'cover_letter', schema },
      temperature: 0.4,
      maxTokens: 300,
    });
    expect(response).toMatchObject({
      content: '{"letter":"Hi"}',
      finishReason: 'stop',
      promptTokens: 31,
      completionTokens: 7,
      model: 'tiny-model',
    });
    expect(fake.requests).toEqual([
      {
        model: 'tiny-model',
        messages: [
          { role: 'system', content: 'Write JSON.' },
          { role: 'user', content: 'A letter.' },
        ],
        format: { type: 'json_schema', schema },
        maxTokens: 300,
        temperature: 0.4,
        seed: undefined,
        frequencyPenalty: undefined,
        presencePenalty: undefined,
        schemaName: 'cover_letter',
      },
    ]);
    expect(server.served).toEqual([
      {
        status: 200,
        format: 'json_schema',
        schemaName: 'cover_letter',
        promptTokens: 31,
        completionTokens: 7,
        finishReason: 'stop',
      },
    ]);
  });

  it('reads JSON mode, the developer role, text parts and max_completion_tokens', async () => {
    const fake = fakeModel(() => answer);
    server = await startChatServer({ model: fake.model });
    const { status } = await post({
      model: 'tiny-model',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'One ' },
            { type: 'text', text: 'line.' },
          ],
        },
      ],
      response_format: { type: 'json_object' },
      max_completion_tokens: 20,
      seed: 3,
    });
    expect(status).toBe(200);
    expect(fake.requests[0]).toMatchObject({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'One line.' },
      ],
      format: { type: 'json_object' },
      maxTokens: 20,
      seed: 3,
    });
  });

  it("says what is wrong with a request in OpenAI's error shape, naming the field", async () => {
    server = await startChatServer({ model: fakeModel(() => answer).model, apiKey: key });
    expect(await post({ model: 'tiny-model' })).toEqual({
      status: 400,
      body: {
        error: {
          message: expect.stringMatching(/^messages: /),
          type: 'invalid_request_error',
          param: 'messages',
          code: 'invalid_request_error',
        },
      },
    });
    expect(
      await post({ model: 'tiny-model', messages: [{ role: 'user', content: 'x' }], stream: true }),
    ).toEqual({
      status: 400,
      body: {
        error: {
          message: 'stream: is not supported by this server',
          type: 'invalid_request_error',
          param: 'stream',
          code: 'invalid_request_error',
        },
      },
    });
    expect(await post({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })).toMatchObject({
      status: 404,
      body: { error: { param: 'model', code: 'model_not_found' } },
    });
  });

  it('refuses a wrong key with a 401 that does not repeat it', async () => {
    server = await startChatServer({ model: fakeModel(() => answer).model, apiKey: key });
    const wrong = 'wrong-key-98765';
    const { status, body } = await post({ model: 'tiny-model', messages: [] }, `Bearer ${wrong}`);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: 'invalid_api_key' } });
    expect(JSON.stringify(body)).not.toContain(wrong);
  });

  it('refuses a schema it has no grammar for, and lede then falls back to JSON mode', async () => {
    const fake = fakeModel((request) => {
      if (request.format.type === 'json_schema')
        throw new UnsupportedSchemaError('$: "allOf" is not supported');
      return answer;
    });
    server = await startChatServer({ model: fake.model, apiKey: key });
    const notices: string[] = [];
    const client = createOpenAiClient({
      baseUrl: server.baseUrl,
      model: 'tiny-model',
      apiKey: key,
      maxRetries: 0,
      onNotice: (message) => notices.push(message),
    });
    const response = await client.complete({
      messages: [{ role: 'user', content: 'A letter.' }],
      schema: { name: 'cover_letter', schema },
    });
    expect(response.content).toBe('{"letter":"Hi"}');
    expect(fake.requests.map((request) => request.format.type)).toEqual(['json_schema', 'json_object']);
    expect(server.served.map((request) => request.status)).toEqual([400, 200]);
    expect(notices).toHaveLength(1);
  });

  it('stops the model when the client hangs up, and logs the request as 499', async () => {
    const fake = fakeModel(() => 'hang');
    server = await startChatServer({ model: fake.model, apiKey: key });
    const client = createOpenAiClient({
      baseUrl: server.baseUrl,
      model: 'tiny-model',
      apiKey: key,
      maxRetries: 0,
      timeoutMs: 100,
    });
    await expect(client.complete({ messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      code: 'llm.timeout',
    });
    await expect.poll(() => fake.aborted).toEqual([true]);
    await expect.poll(() => server?.served.map((request) => request.status)).toEqual([499]);
  });
});
