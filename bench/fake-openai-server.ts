import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A chat completion request body, as much of it as the fake reads. */
export interface ChatRequestBody {
  readonly model?: string;
  readonly messages?: readonly { readonly role: string; readonly content: string }[];
  readonly response_format?: {
    readonly type: string;
    readonly json_schema?: { readonly name: string; readonly schema: Record<string, unknown> };
  };
  readonly max_tokens?: number;
  readonly max_completion_tokens?: number;
}

/** What the fake answers: the message content (JSON text for structured requests). */
export type Answer = (body: ChatRequestBody) => string;

export interface FakeServerOptions {
  /** Milliseconds before each chat completion answers. Default 0. */
  readonly latencyMs?: number;
  /**
   * How far each answer's latency strays from `latencyMs`, as a share of it: each request waits a latency drawn
   * evenly from L x (1 - j) to L x (1 + j), so the mean stays L. The draw is seeded by the request's number, so a
   * run repeats. Default 0 (every answer takes exactly L).
   */
  readonly latencyJitter?: number;
  /** Completion tokens generated per second, added to the latency (0 = instant). Default 0. */
  readonly tokensPerSecond?: number;
  /** Every n-th chat request is refused with a 429 and a retry-after (0 = never). Default 0. */
  readonly rateLimitEvery?: number;
  /** The 429's retry-after in milliseconds (sent as retry-after-ms and, rounded up, retry-after). Default 200. */
  readonly retryAfterMs?: number;
  /** Every n-th chat request fails with a 500 (0 = never). Default 0. */
  readonly serverErrorEvery?: number;
  /** Refuse every chat request as out of quota (429 insufficient_quota). */
  readonly outOfQuota?: boolean;
  /** Serve the Batch API (`/files`, `/batches`); without it those paths answer 404, like many local servers. */
  readonly batchApi?: boolean;
  /** How many times a batch is polled before it completes. Default 2. */
  readonly batchPollsUntilDone?: number;
  /** Custom answers (tests); by default every structured request gets a valid answer for its schema. */
  readonly answer?: Answer;
  /** Batch API requests answered with an error line instead of a result, chosen by custom_id. */
  readonly failCustomId?: (customId: string) => boolean;
}

/** What the server saw, for assertions and the benchmark. */
export interface FakeServerStats {
  chatRequests: number;
  rateLimited: number;
  serverErrors: number;
  promptTokens: number;
  completionTokens: number;
  /** Chat requests by response schema name ("text" for free text). */
  bySchema: Record<string, number>;
  /** Prompt tokens of the answered chat requests, by response schema name. */
  promptTokensBySchema: Record<string, number>;
  /** When the first chat request arrived and the last chat answer left (`performance.now()`); null before any. */
  firstRequestMs: number | null;
  lastAnswerMs: number | null;
  /** Uploaded files and created batches, in order. */
  uploads: { id: string; filename: string; purpose: string; lines: number }[];
  batches: string[];
}

export interface FakeServer {
  /** The base URL, ending in /v1. */
  readonly url: string;
  readonly stats: FakeServerStats;
  close(): Promise<void>;
}

interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly purpose: string;
  readonly content: string;
}

interface StoredBatch {
  readonly id: string;
  readonly inputFileId: string;
  readonly endpoint: string;
  readonly metadata: Record<string, string> | null;
  readonly createdAt: number;
  polls: number;
  status: 'validating' | 'in_progress' | 'completed';
  outputFileId: string | null;
  errorFileId: string | null;
  counts: { total: number; completed: number; failed: number };
}

const tokensOf = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

/** A number in [0, 1) fixed by `seed` (mulberry32's step): the same request number always gets the same latency. */
function seeded(seed: number): number {
  let value = (seed + 0x6d2b79f5) | 0;
  value = Math.imul(value ^ (value >>> 15), value | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}

function postingIn(body: ChatRequestBody): string {
  const user = body.messages?.find((message) => message.role === 'user')?.content ?? '';
  return /<posting>\n([\s\S]*?)\n<\/posting>/.exec(user)?.[1] ?? user;
}

function companyIn(posting: string): string | null {
  return /Company: ([A-Z][\w&.' -]*\w)/.exec(posting)?.[1] ?? null;
}

function enumAt(schema: Record<string, unknown>, ...path: string[]): string[] {
  let node: unknown = schema;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  const values = (node as { enum?: unknown } | undefined)?.enum;
  return Array.isArray(values) ? values.map(String) : [];
}

const letterBody = [
  'I build machine learning systems that run in production and stay healthy after launch: feature pipelines, model',
  'serving, monitoring and the tests around them. I like work where the model is one part of a product that people',
  'rely on every day, and where the engineering around it matters as much as the modelling.',
].join(' ');

/**
 * The fake's default answers: a valid object for each of lede's structured stages (posting analysis with its
 * industry, letter), taking the company from a "Company:" line of the posting. Free text gets a short sentence.
 */
export const defaultAnswer: Answer = (body) => {
  const format = body.response_format?.json_schema;
  const posting = postingIn(body);
  const company = companyIn(posting);
  if (format?.name === 'posting_analysis') {
    const industries = enumAt(format.schema, 'properties', 'industry');
    const industry = /\bbank|lending|credit/i.test(posting)
      ? 'finance'
      : /\bretail|store|grocer/i.test(posting)
        ? 'retail'
        : 'tech';
    return JSON.stringify({
      industry: industries.includes(industry) ? industry : (industries[0] ?? 'general'),
      confidence: 0.8,
      signals: [industry],
      company,
      role: null,
      hiringManager: null,
      hook: null,
      requiredTools: [],
    });
  }
  if (format?.name === 'cover_letter') {
    const ids = enumAt(format.schema, 'properties', 'usedFactIds', 'items');
    const title = posting.split('\n')[0]?.trim() || 'machine learning engineer';
    const letter = `Dear Hiring Manager,\n\nI am applying for the ${title} role. ${letterBody}\n\nI would be glad to bring that to ${
      company ?? 'your team'
    } and to talk about what the team is building next.\n\nBest,\nPriya Raman`;
    return JSON.stringify({ letter, usedFactIds: ids.slice(0, 1) });
  }
  return 'A short free-text answer from the fake server.';
};

function completion(body: ChatRequestBody, content: string, model: string) {
  const prompt = (body.messages ?? []).reduce((sum, message) => sum + tokensOf(message.content), 0);
  const completionTokens = tokensOf(content);
  return {
    id: `chatcmpl-${randomBytes(6).toString('hex')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completionTokens,
      total_tokens: prompt + completionTokens,
    },
  };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': typeof body === 'string' ? 'application/octet-stream' : 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

function apiError(
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
  headers = {},
) {
  send(response, status, { error: { message, type, param: null, code } }, headers);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The fields of a multipart/form-data body, by name (enough for the files endpoint). */
function multipartFields(
  body: Buffer,
  contentType: string,
): Map<string, { filename: string | null; value: string }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const fields = new Map<string, { filename: string | null; value: string }>();
  if (boundary === null) return fields;
  const marker = `--${boundary[1] ?? boundary[2]}`;
  for (const part of body.toString('latin1').split(marker)) {
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const head = part.slice(0, split);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1] ?? null;
    const value = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
    fields.set(name, { filename, value });
  }
  return fields;
}

function batchObject(batch: StoredBatch) {
  return {
    id: batch.id,
    object: 'batch',
    endpoint: batch.endpoint,
    errors: null,
    input_file_id: batch.inputFileId,
    completion_window: '24h',
    status: batch.status,
    output_file_id: batch.outputFileId,
    error_file_id: batch.errorFileId,
    created_at: batch.createdAt,
    in_progress_at: null,
    expires_at: batch.createdAt + 86_400,
    finalizing_at: null,
    completed_at: batch.status === 'completed' ? batch.createdAt + 1 : null,
    failed_at: null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: batch.counts,
    metadata: batch.metadata,
  };
}

/**
 * A local OpenAI-compatible server for the benchmark and the tests: chat completions with a configurable latency,
 * generation speed and injected 429s and 500s, and (optionally) the files and batches endpoints of the Batch API.
 */
export async function startFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const answer = options.answer ?? defaultAnswer;
  const stats: FakeServerStats = {
    chatRequests: 0,
    rateLimited: 0,
    serverErrors: 0,
    promptTokens: 0,
    completionTokens: 0,
    bySchema: {},
    promptTokensBySchema: {},
    firstRequestMs: null,
    lastAnswerMs: null,
    uploads: [],
    batches: [],
  };
  const files = new Map<string, StoredFile>();
  const batches = new Map<string, StoredBatch>();
  const newId = (prefix: string): string => `${prefix}${randomBytes(8).toString('hex')}`;

  const chat = async (body: ChatRequestBody, response: ServerResponse): Promise<void> => {
    stats.chatRequests++;
    stats.firstRequestMs ??= performance.now();
    const number = stats.chatRequests;
    const schemaName = body.response_format?.json_schema?.name ?? 'text';
    stats.bySchema[schemaName] = (stats.bySchema[schemaName] ?? 0) + 1;
    if (options.outOfQuota === true) {
      apiError(
        response,
        429,
        'You exceeded your current quota, please check your plan and billing details.',
        'insufficient_quota',
        'insufficient_quota',
      );
      return;
    }
    if ((options.rateLimitEvery ?? 0) > 0 && number % (options.rateLimitEvery ?? 1) === 0) {
      stats.rateLimited++;
      const wait = options.retryAfterMs ?? 200;
      apiError(response, 429, 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded', {
        'retry-after-ms': String(wait),
        'retry-after': String(Math.ceil(wait / 1000)),
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': `${wait}ms`,
      });
      return;
    }
    if ((options.serverErrorEvery ?? 0) > 0 && number % (options.serverErrorEvery ?? 1) === 0) {
      stats.serverErrors++;
      apiError(response, 500, 'The server had an error while processing your request.', 'server_error', null);
      return;
    }
    const content = answer(body);
    const result = completion(body, content, body.model ?? 'fake-model');
    const generationMs =
      (options.tokensPerSecond ?? 0) > 0
        ? (result.usage.completion_tokens / (options.tokensPerSecond ?? 1)) * 1000
        : 0;
    const jitter = options.latencyJitter ?? 0;
    const latency = (options.latencyMs ?? 0) * (1 + jitter * (2 * seeded(number) - 1));
    const delay = latency + generationMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    stats.promptTokens += result.usage.prompt_tokens;
    stats.completionTokens += result.usage.completion_tokens;
    stats.promptTokensBySchema[schemaName] =
      (stats.promptTokensBySchema[schemaName] ?? 0) + result.usage.prompt_tokens;
    send(response, 200, result, {
      'x-ratelimit-limit-requests': '100000',
      'x-ratelimit-remaining-requests': '99999',
      'x-ratelimit-reset-requests': '1ms',
    });
    stats.lastAnswerMs = performance.now();
  };

  const completeBatch = (batch: StoredBatch): void => {
    const input = files.get(batch.inputFileId)?.content ?? '';
    const output: string[] = [];
    const errors: string[] = [];
    for (const line of input.split('\n')) {
      if (line.trim() === '') continue;
      const request = JSON.parse(line) as { custom_id: string; body: ChatRequestBody };
      const id = newId('batch_req_');
      if (options.failCustomId?.(request.custom_id) === true) {
        errors.push(
          JSON.stringify({
            id,
            custom_id: request.custom_id,
            response: {
              status_code: 500,
              request_id: newId('req_'),
              body: {
                error: { message: 'The server had an error.', type: 'server_error', param: null, code: null },
              },
            },
            error: null,
          }),
        );
        continue;
      }
      const content = answer(request.body);
      const body = completion(request.body, content, request.body.model ?? 'fake-model');
      stats.promptTokens += body.usage.prompt_tokens;
      stats.completionTokens += body.usage.completion_tokens;
      output.push(
        JSON.stringify({
          id,
          custom_id: request.custom_id,
          response: { status_code: 200, request_id: newId('req_'), body },
          error: null,
        }),
      );
    }
    const store = (lines: string[], name: string): string | null => {
      if (lines.length === 0) return null;
      const id = newId('file-');
      files.set(id, { id, filename: name, purpose: 'batch_output', content: `${lines.join('\n')}\n` });
      return id;
    };
    batch.outputFileId = store(output, `${batch.id}_output.jsonl`);
    batch.errorFileId = store(errors, `${batch.id}_error.jsonl`);
    batch.counts = { total: output.length + errors.length, completed: output.length, failed: errors.length };
    batch.status = 'completed';
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/v1/, '');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    if (method === 'POST' && path === '/chat/completions') {
      await chat(JSON.parse(body.toString('utf8')) as ChatRequestBody, response);
      return;
    }
    if (options.batchApi !== true && (path.startsWith('/batches') || path.startsWith('/files'))) {
      apiError(response, 404, `Invalid URL (${method} /v1${path})`, 'invalid_request_error', null);
      return;
    }
    if (method === 'POST' && path === '/files') {
      const fields = multipartFields(body, request.headers['content-type'] ?? '');
      const file = fields.get('file');
      const purpose = fields.get('purpose')?.value ?? '';
      if (file === undefined) {
        apiError(response, 400, 'No file was uploaded.', 'invalid_request_error', null);
        return;
      }
      const id = newId('file-');
      const stored = { id, filename: file.filename ?? 'upload.jsonl', purpose, content: file.value };
      files.set(id, stored);
      stats.uploads.push({
        id,
        filename: stored.filename,
        purpose,
        lines: file.value.split('\n').filter((line) => line.trim() !== '').length,
      });
      send(response, 200, {
        id,
        object: 'file',
        bytes: Buffer.byteLength(file.value),
        created_at: Math.floor(Date.now() / 1000),
        filename: stored.filename,
        purpose,
        status: 'processed',
      });
      return;
    }
    const content = /^\/files\/([^/]+)\/content$/.exec(path);
    if (method === 'GET' && content !== null) {
      const file = files.get(content[1] ?? '');
      if (file === undefined) apiError(response, 404, 'No such file.', 'invalid_request_error', null);
      else send(response, 200, file.content);
      return;
    }
    if (method === 'POST' && path === '/batches') {
      const params = JSON.parse(body.toString('utf8')) as {
        input_file_id: string;
        endpoint: string;
        completion_window: string;
        metadata?: Record<string, string>;
      };
      if (!files.has(params.input_file_id)) {
        apiError(response, 400, `No file with id ${params.input_file_id}.`, 'invalid_request_error', null);
        return;
      }
      const batch: StoredBatch = {
        id: newId('batch_'),
        inputFileId: params.input_file_id,
        endpoint: params.endpoint,
        metadata: params.metadata ?? null,
        createdAt: Math.floor(Date.now() / 1000),
        polls: 0,
        status: 'validating',
        outputFileId: null,
        errorFileId: null,
        counts: { total: 0, completed: 0, failed: 0 },
      };
      batches.set(batch.id, batch);
      stats.batches.push(batch.id);
      send(response, 200, batchObject(batch));
      return;
    }
    if (method === 'GET' && path === '/batches') {
      send(response, 200, {
        object: 'list',
        data: [...batches.values()].map(batchObject),
        first_id: null,
        last_id: null,
        has_more: false,
      });
      return;
    }
    const batchPath = /^\/batches\/([^/]+)$/.exec(path);
    if (method === 'GET' && batchPath !== null) {
      const batch = batches.get(batchPath[1] ?? '');
      if (batch === undefined) {
        apiError(response, 404, 'No such batch.', 'invalid_request_error', null);
        return;
      }
      batch.polls++;
      if (batch.status !== 'completed') {
        if (batch.polls >= (options.batchPollsUntilDone ?? 2)) completeBatch(batch);
        else batch.status = 'in_progress';
      }
      send(response, 200, batchObject(batch));
      return;
    }
    apiError(response, 404, `Invalid URL (${method} /v1${path})`, 'invalid_request_error', null);
  };

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) apiError(response, 500, String(error), 'server_error', null);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
