import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import {
  apiError,
  type ChatHandler,
  type ChatServer,
  chatBody,
  completion,
  sendJson,
} from './support/chat-server.js';
import { cleanPosting, noticesIn, validProfile } from './support/hostile.js';
import { answerWell, stageAnswer } from './support/lanternfish.js';
import {
  batchSummary,
  chatServerPerTest,
  fakeApiKey,
  fakeModel,
  ledeAgainst,
} from './support/scripted-endpoint.js';

const serve = chatServerPerTest();

/** `lede draft` against the local endpoint, with `--max-retries` transport retries. */
async function draft(endpoint: ChatServer, maxRetries: number, extra: string[] = []) {
  const run = await ledeAgainst(endpoint, [
    'draft',
    cleanPosting,
    '--profile',
    validProfile,
    '--max-retries',
    String(maxRetries),
    ...extra,
  ]);
  return { ...run, requests: endpoint.requests.length };
}

const rateLimited = apiError(
  'Rate limit reached for gpt-hostile on requests per min',
  'requests',
  'rate_limit_exceeded',
);
/** A short retry-after keeps the tests fast; the SDK honours it exactly. */
const retrySoon = { 'retry-after-ms': '5' };

describe('faults that retrying can fix are retried, as often as --max-retries says', () => {
  it('a 429 with retry-after, then success: one retry, the letter is written', async () => {
    const endpoint = await serve((request, response, index) =>
      index === 0 ? sendJson(response, 429, rateLimited, retrySoon) : answerWell(chatBody(request), response),
    );
    const run = await draft(endpoint, 1);
    // The analysis (429, then retried), then the draft.
    expect({ exitCode: run.exitCode, stderr: noticesIn(run.stderr), requests: run.requests }).toEqual({
      exitCode: ExitCode.ok,
      stderr: '',
      requests: 3,
    });
  });

  it('a 500, then success', async () => {
    const endpoint = await serve((request, response, index) =>
      index === 0
        ? sendJson(
            response,
            500,
            apiError('The server had an error while processing your request', 'server_error'),
            retrySoon,
          )
        : answerWell(chatBody(request), response),
    );
    expect(await draft(endpoint, 2).then(({ exitCode, requests }) => ({ exitCode, requests }))).toEqual({
      exitCode: ExitCode.ok,
      requests: 3,
    });
  });
});

describe('faults that outlast the retries, or that no retry can fix, stop with the exact reason (exit 3)', () => {
  const cases: {
    name: string;
    maxRetries: number;
    handler: ChatHandler;
    requests: number;
    stderr: (baseUrl: string) => string;
  }[] = [
    {
      name: 'a 429 without retry-after, every time',
      maxRetries: 1,
      handler: (_request, response) => sendJson(response, 429, rateLimited),
      requests: 2,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) is rate-limiting requests (HTTP 429): Rate limit reached for gpt-hostile on requests per min. Wait and run again, or send fewer requests at once.\n`,
    },
    {
      name: 'a 503, every time',
      maxRetries: 2,
      handler: (_request, response) =>
        sendJson(response, 503, apiError('The engine is currently overloaded', 'server_error'), retrySoon),
      requests: 3,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) failed with HTTP 503: The engine is currently overloaded. The server is at fault; try again later.\n`,
    },
    {
      name: 'a timeout, every time',
      maxRetries: 1,
      handler: () => undefined,
      requests: 2,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) did not answer within 1s. Try again, raise the timeout, or use a smaller or faster model.\n  hint: slow local models may need a longer timeout\n`,
    },
    {
      name: 'a reset connection, every time',
      maxRetries: 1,
      handler: (_request, response) => response.socket?.destroy(),
      requests: 2,
      stderr: (url) =>
        `error: Cannot reach ${url} (model ${fakeModel}): other side closed (UND_ERR_SOCKET). Check OPENAI_BASE_URL and that the server is running.\n  hint: for Ollama the base URL is http://localhost:11434/v1\n`,
    },
    {
      name: 'a body cut off mid-way',
      maxRetries: 2,
      handler: (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '600' });
        response.write(
          '{"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis',
        );
        setTimeout(() => response.socket?.destroy(), 5);
      },
      requests: 1,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) answered with something that is not a chat completion: terminated. Check OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint.\n`,
    },
    {
      name: 'a body that is not JSON',
      maxRetries: 2,
      handler: (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"id": "chatcmpl-1", "choices": [ oops');
      },
      requests: 1,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) answered with something that is not a chat completion: Unexpected token 'o', ..."oices": [ oops" is not valid JSON. Check OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint.\n`,
    },
    {
      name: 'JSON that does not match the schema, twice: one repair, never multiplied by transport retries',
      maxRetries: 2,
      handler: (_request, response) =>
        sendJson(response, 200, completion('{"industry": "aerospace", "confidence": 7}')),
      requests: 2,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) answered the posting_analysis request with output that does not fit its schema, twice: signals: Invalid input: expected array, received undefined; company: Invalid input: expected string, received undefined; role: Invalid input: expected string, received undefined; hiringManager: Invalid input: expected string, received undefined; hook: Invalid input: expected object, received undefined. Use a model that supports structured output, or try JSON mode (json_object) for this server.\n`,
    },
    {
      name: 'an empty message, twice',
      maxRetries: 2,
      handler: (_request, response) => sendJson(response, 200, completion('')),
      requests: 2,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) answered the posting_analysis request with output that does not fit its schema, twice: the reply was empty; a JSON object is required. Use a model that supports structured output, or try JSON mode (json_object) for this server.\n`,
    },
    {
      name: 'a server that ignores the JSON Schema and answers in prose, twice',
      maxRetries: 2,
      handler: (_request, response) =>
        sendJson(response, 200, completion('Sure! This posting is for a technology company.')),
      requests: 2,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) answered the posting_analysis request with output that does not fit its schema, twice: the reply is not valid JSON (Unexpected token 'S', "Sure! This"... is not valid JSON). Use a model that supports structured output, or try JSON mode (json_object) for this server.\n`,
    },
    {
      name: 'a refusal: never repaired or retried',
      maxRetries: 2,
      handler: (_request, response) =>
        sendJson(response, 200, completion(null, { refusal: "I'm sorry, I can't help with that request." })),
      requests: 1,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) refused the posting_analysis request: I'm sorry, I can't help with that request. Check the posting for content a model may decline, or try another model.\n`,
    },
    {
      name: 'finish_reason length on a JSON answer: never retried',
      maxRetries: 2,
      handler: (_request, response) =>
        sendJson(response, 200, completion('{"industry": "te', { finishReason: 'length' })),
      requests: 1,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) stopped the posting_analysis answer at its token limit before it was complete. Raise the max tokens, or use a model with a larger output limit.\n  hint: some local servers default to a small output limit; raise the server's too\n`,
    },
    {
      name: 'finish_reason length on the letter: one retry with more room, then the exact reason',
      maxRetries: 2,
      handler: (request, response) => {
        const body = chatBody(request);
        if (body.response_format?.json_schema?.name !== 'cover_letter') return answerWell(body, response);
        sendJson(
          response,
          200,
          completion('{"letter": "Dear Hiring Manager,\\n\\nI cut', { finishReason: 'length' }),
        );
      },
      requests: 3,
      // 250 words give the letter 700 tokens (letter-budget.ts), doubled once for the retry.
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) stopped the cover_letter answer at its token limit (1400) before it was complete. Raise the max tokens, or use a model with a larger output limit.\n  hint: some local servers default to a small output limit; raise the server's too\n`,
    },
    {
      name: 'an unknown model (404): never retried',
      maxRetries: 2,
      handler: (_request, response) =>
        sendJson(
          response,
          404,
          apiError(
            'The model `gpt-hostile` does not exist or you do not have access to it.',
            'invalid_request_error',
            'model_not_found',
          ),
        ),
      requests: 1,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) has no such model or path (HTTP 404): The model \`gpt-hostile\` does not exist or you do not have access to it. Set LEDE_MODEL or --model to a model the endpoint serves, and check OPENAI_BASE_URL ends in /v1.\n  hint: for Ollama, \`ollama list\` shows the models it serves\n`,
    },
    {
      name: 'a bad key (401) that the server echoes back: never retried, never shown',
      maxRetries: 2,
      handler: (_request, response) =>
        sendJson(
          response,
          401,
          apiError(
            `Incorrect API key provided: ${fakeApiKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
            'invalid_request_error',
            'invalid_api_key',
          ),
        ),
      requests: 1,
      stderr: (url) =>
        `error: ${url} (model ${fakeModel}) rejected the API key (HTTP 401): Incorrect API key provided: [redacted]. You can find your API key at https://platform.openai.com/account/api-keys. Set OPENAI_API_KEY (environment or .env) to a valid key for this endpoint.\n  hint: local servers (Ollama, vLLM) accept any non-empty key\n`,
    },
  ];

  for (const fault of cases) {
    it(fault.name, async () => {
      const endpoint = await serve(fault.handler);
      const run = await draft(endpoint, fault.maxRetries, ['--timeout-ms', '1000']);
      expect({
        exitCode: run.exitCode,
        stdout: run.stdout,
        stderr: run.stderr,
        requests: run.requests,
      }).toEqual({
        exitCode: ExitCode.llmFailed,
        stdout: '',
        stderr: fault.stderr(endpoint.baseUrl),
        requests: fault.requests,
      });
    });
  }
});

describe('content faults that one repair fixes', () => {
  it('JSON that does not match the schema, then a valid answer to the repair', async () => {
    const endpoint = await serve((request, response, index) =>
      index === 0
        ? sendJson(response, 200, completion('{"industry": "aerospace"}'))
        : answerWell(chatBody(request), response),
    );
    const run = await draft(endpoint, 2);
    const repair = chatBody(endpoint.requests[1] ?? { method: '', url: '', headers: {}, body: '{}' });
    expect({
      exitCode: run.exitCode,
      requests: run.requests,
      repairTurns: repair.messages.map((message) => message.role),
    }).toEqual({
      exitCode: ExitCode.ok,
      requests: 3,
      repairTurns: ['system', 'user', 'assistant', 'user'],
    });
  });

  it('a server that rejects JSON Schema output: lede says so once and switches to JSON mode', async () => {
    const endpoint = await serve((request, response) => {
      const body = chatBody(request);
      if (body.response_format?.type === 'json_schema') {
        sendJson(
          response,
          400,
          apiError(
            "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
          ),
        );
        return;
      }
      sendJson(response, 200, completion(stageAnswer(body)));
    });
    const run = await draft(endpoint, 0);
    expect({ exitCode: run.exitCode, stderr: noticesIn(run.stderr), requests: run.requests }).toEqual({
      exitCode: ExitCode.ok,
      stderr: `lede: ${endpoint.baseUrl} (model ${fakeModel}) does not accept JSON Schema output; using JSON mode with the schema in the prompt\n`,
      requests: 3,
    });
  });
});

/** Two postings: Lanternfish, which the endpoint answers, and Orcaline, whose requests the fault hits. */
async function twoPostings(): Promise<{ folder: string; out: string }> {
  const folder = join(await temporaryFolder(), 'postings');
  await mkdir(folder);
  const text = await readFile(cleanPosting, 'utf8');
  await writeFile(join(folder, 'a-lanternfish.txt'), text);
  await writeFile(join(folder, 'b-orcaline.txt'), text.replaceAll('Lanternfish', 'Orcaline'));
  return { folder, out: join(folder, '..', 'out') };
}

async function batch(endpoint: ChatServer, folder: string, out: string, maxRetries: number) {
  const run = await ledeAgainst(endpoint, [
    'batch',
    folder,
    '--profile',
    validProfile,
    '--out',
    out,
    '--max-retries',
    String(maxRetries),
    '--concurrency',
    '1',
    '--quiet',
  ]);
  return { ...run, summary: await batchSummary(out) };
}

describe('in a batch, a fault shows in the row of the posting it hit and the others get their letters', () => {
  it('a server error on one posting: that posting is reported with the reason, the other is written (exit 3)', async () => {
    const { folder, out } = await twoPostings();
    const endpoint = await serve((request, response) =>
      request.body.includes('Orcaline')
        ? sendJson(
            response,
            500,
            apiError('The server had an error while processing your request', 'server_error'),
            retrySoon,
          )
        : answerWell(chatBody(request), response),
    );
    const run = await batch(endpoint, folder, out, 1);
    const message = `${endpoint.baseUrl} (model ${fakeModel}) failed with HTTP 500: The server had an error while processing your request. The server is at fault; try again later.`;
    expect({
      exitCode: run.exitCode,
      rows: run.summary.rows.map((row) => [row.posting, row.status, row.error]),
      orcalineRequests: endpoint.requests.filter((request) => request.body.includes('Orcaline')).length,
    }).toEqual({
      exitCode: ExitCode.llmFailed,
      rows: [
        ['a-lanternfish.txt', 'passed', null],
        ['b-orcaline.txt', 'error', { code: 'llm.server', message }],
      ],
      orcalineRequests: 2,
    });
    expect(run.stdout).toContain(`Problems:\n  b-orcaline.txt: ${message}\n`);
    expect(await readFile(join(out, run.summary.rows[0]?.outputs?.letter ?? ''), 'utf8')).toContain(
      'Sam Okafor',
    );
  });

  it('a 429 that never ends: the batch waits it out --max-retries times, never multiplied by the SDK', async () => {
    const { folder, out } = await twoPostings();
    const endpoint = await serve((request, response) =>
      request.body.includes('Orcaline')
        ? sendJson(response, 429, rateLimited, retrySoon)
        : answerWell(chatBody(request), response),
    );
    const run = await batch(endpoint, folder, out, 1);
    expect({
      exitCode: run.exitCode,
      rows: run.summary.rows.map((row) => [row.posting, row.status, row.error?.code ?? null]),
      orcalineRequests: endpoint.requests.filter((request) => request.body.includes('Orcaline')).length,
    }).toEqual({
      exitCode: ExitCode.llmFailed,
      rows: [
        ['a-lanternfish.txt', 'passed', null],
        ['b-orcaline.txt', 'error', 'llm.rate-limit'],
      ],
      orcalineRequests: 2,
    });
  });

  it('a bad key stops the whole batch at once: it would fail every posting (exit 3)', async () => {
    const { folder, out } = await twoPostings();
    const endpoint = await serve((_request, response) =>
      sendJson(
        response,
        401,
        apiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'),
      ),
    );
    const run = await batch(endpoint, folder, out, 2);
    expect({
      exitCode: run.exitCode,
      requests: endpoint.requests.length,
      stopReason: run.summary.stopReason,
      statuses: run.summary.rows.map((row) => row.status),
      lastLine: run.stderr.trimEnd().split('\n').at(-1),
    }).toEqual({
      exitCode: ExitCode.llmFailed,
      requests: 1,
      stopReason: 'fatal',
      statuses: ['error', 'not-run'],
      lastLine: '  hint: local servers (Ollama, vLLM) accept any non-empty key',
    });
  });
});
