import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A Chat Completions body as sent by lede. */
export interface ChatBody {
  readonly model: string;
  readonly messages: { role: string; content: string }[];
  readonly response_format?: { type: string; json_schema?: { name: string } };
  readonly max_tokens?: number;
}

/** Answers the request with index `index` (0-based, in arrival order). */
export type ChatHandler = (request: ReceivedRequest, response: ServerResponse, index: number) => void;

export interface ChatServer {
  /** `http://127.0.0.1:<port>/v1`, for `--base-url`. */
  readonly baseUrl: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A local OpenAI-compatible endpoint for end-to-end fault tests: a real socket, so timeouts, resets and cut-off
 * bodies happen exactly as they would against a remote server. Never the network.
 */
export async function startChatServer(handler: ChatHandler): Promise<ChatServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      handler(request, response, requests.length - 1);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function chatBody(request: ReceivedRequest): ChatBody {
  return JSON.parse(request.body) as ChatBody;
}

/** Sends a JSON body with a status and headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}

/** A chat completion shaped exactly like OpenAI's. */
export function completion(
  content: string | null,
  options: {
    finishReason?: string;
    refusal?: string | null;
    promptTokens?: number;
    completionTokens?: number;
  } = {},
): Record<string, unknown> {
  const promptTokens = options.promptTokens ?? 400;
  const completionTokens = options.completionTokens ?? 80;
  return {
    id: 'chatcmpl-hostile-0001',
    object: 'chat.completion',
    created: 1767225600,
    model: 'gpt-hostile-test',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: options.refusal ?? null },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/** An OpenAI error body. */
export function apiError(message: string, type = 'invalid_request_error', code: string | null = null) {
  return { error: { message, type, param: null, code } };
}
