import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatModel } from './chat-model.js';
import { UnsupportedSchemaError } from './chat-model.js';
import { parseChatRequest, RequestError } from './chat-request.js';

/** One chat request as the server saw it: what `GET /stats` lists, so tests can hold a client's counts against it. */
export interface ServedRequest {
  /** 200, the error status, or 499 when the client left before the answer. */
  readonly status: number;
  readonly format: 'text' | 'json_object' | 'json_schema' | null;
  readonly schemaName: string | null;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly finishReason: 'stop' | 'length' | null;
}

export interface ChatServerOptions {
  readonly model: ChatModel;
  /** When set, requests must carry `Authorization: Bearer <key>`; it is compared, never logged or echoed. */
  readonly apiKey?: string | undefined;
  /** Default 0: a free port. */
  readonly port?: number | undefined;
}

export interface ChatServer {
  /** `http://127.0.0.1:<port>/v1`, what a client takes as its base URL. */
  readonly baseUrl: string;
  readonly served: readonly ServedRequest[];
  close(): Promise<void>;
}

const maxBodyBytes = 4 * 1024 * 1024;

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
function sendError(response: ServerResponse, error: RequestError): void {
  send(response, error.status, {
    error: {
      message: error.message,
      type: error.status >= 500 ? 'server_error' : 'invalid_request_error',
      param: error.param,
      code: error.code,
    },
  });
}

/** Any failure as the error the client gets. */
function asRequestError(error: unknown): RequestError {
  if (error instanceof RequestError) return error;
  if (error instanceof UnsupportedSchemaError) {
    return new RequestError(
      400,
      `response_format json_schema: ${error.message}`,
      'response_format',
      'invalid_json_schema',
    );
  }
  return new RequestError(500, `The model failed: ${(error as Error).message}`, null, 'model_error');
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new RequestError(413, `The body is over ${maxBodyBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestError(400, 'The body is not valid JSON.', null, 'invalid_json');
  }
}

/**
 * An OpenAI-compatible server on 127.0.0.1 over one {@link ChatModel}: `POST /v1/chat/completions` (no streaming),
 * `GET /v1/models`, and `GET /stats` (not OpenAI's: the requests it served, for tests).
 */
export async function startChatServer(options: ChatServerOptions): Promise<ChatServer> {
  const { model } = options;
  const served: ServedRequest[] = [];
  let counter = 0;

  const complete = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const chat = parseChatRequest(await readJson(request));
    if (chat.model !== model.id) {
      throw new RequestError(
        404,
        `The model \`${chat.model}\` does not exist; this server serves \`${model.id}\`.`,
        'model',
        'model_not_found',
      );
    }
    const record = { format: chat.format.type, schemaName: chat.schemaName };
    // The client giving up (its timeout, Ctrl-C) stops the generation, so the next request does not wait for it.
    const abandoned = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abandoned.abort();
    });
    try {
      const answer = await model.complete(chat, abandoned.signal);
      const { promptTokens, completionTokens, finishReason } = answer;
      served.push({ ...record, status: 200, promptTokens, completionTokens, finishReason });
      counter += 1;
      send(response, 200, {
        id: `chatcmpl-${counter}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: model.id,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer.content, refusal: null },
            finish_reason: answer.finishReason,
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: answer.promptTokens,
          completion_tokens: answer.completionTokens,
          total_tokens: answer.promptTokens + answer.completionTokens,
        },
      });
    } catch (error) {
      const status = abandoned.signal.aborted ? 499 : asRequestError(error).status;
      served.push({ ...record, status, promptTokens: 0, completionTokens: 0, finishReason: null });
      throw error;
    }
  };

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
    if (request.method === 'GET' && path === '/stats') return send(response, 200, { served });
    if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      throw new RequestError(401, 'Incorrect API key provided.', null, 'invalid_api_key');
    }
    if (request.method === 'GET' && path === '/v1/models') {
      return send(response, 200, {
        object: 'list',
        data: [{ id: model.id, object: 'model', created: 0, owned_by: 'lede-tests' }],
      });
    }
    if (request.method === 'POST' && path === '/v1/chat/completions') return complete(request, response);
    throw new RequestError(404, `No route for ${request.method} ${path}.`, null, 'not_found');
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => sendError(response, asRequestError(error)));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    served,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
