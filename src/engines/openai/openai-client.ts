import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from 'openai/resources/chat/completions';
import { AbortedError, LedeError, LlmError } from '../../errors.js';
import { loadPrompt } from '../../prompts/load-prompt.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { ChatMessage, LlmClient, LlmRequest, LlmResponse } from './llm-client.js';
import { isSecretKey, scrubSecrets } from './scrub-secrets.js';

/** How structured output is asked for. */
export type JsonMode = 'json_schema' | 'json_object';

export interface OpenAiClientOptions {
  /** The key (`OPENAI_API_KEY`). Local servers (Ollama, vLLM, llama.cpp, LM Studio) need none: a placeholder is sent. */
  readonly apiKey?: string | undefined;
  /** The endpoint (`OPENAI_BASE_URL`); default https://api.openai.com/v1. */
  readonly baseUrl?: string | undefined;
  /** The model id (`LEDE_MODEL` or `--model`). */
  readonly model: string;
  /** Per-request timeout in milliseconds; default 120000 (local models can be slow). */
  readonly timeoutMs?: number | undefined;
  /** Transport retries done by the SDK (429, 5xx, timeouts, resets), with backoff; default 2. */
  readonly maxRetries?: number | undefined;
  /**
   * `json_schema` (default) sends the schema as `response_format`; `json_object` is for servers without JSON Schema
   * support and puts the schema in the system prompt. A server that rejects `json_schema` with a 400 saying so is
   * switched to `json_object` automatically for the rest of the run.
   */
  readonly jsonMode?: JsonMode | undefined;
  /** A fetch implementation (tests, proxies); default the global fetch. */
  readonly fetch?: typeof fetch | undefined;
  /** Extra headers for every request (a gateway's routing header, Azure's api-key). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Told, once each, when the client adapts to what the server accepts (JSON mode, max_completion_tokens, ...). */
  readonly onNotice?: ((message: string) => void) | undefined;
}

export const defaultBaseUrl = 'https://api.openai.com/v1';
export const defaultTimeoutMs = 120_000;
export const defaultMaxRetries = 2;

/** What the client has learned the server does not accept; each flips at most once, so fallbacks are bounded. */
export interface Adaptations {
  jsonMode: JsonMode;
  tokenParameter: 'max_tokens' | 'max_completion_tokens';
  sendTemperature: boolean;
}

type ApiError = InstanceType<typeof OpenAI.APIError>;

function errorText(error: ApiError): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : error.message;
  return [message, error.param ?? '', error.code ?? ''].join(' ');
}

/** A connection failure's innermost cause ("connect ECONNREFUSED 127.0.0.1:11434"), which says what went wrong. */
function rootCause(error: Error): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth++) {
    current = current.cause;
  }
  const innermost = current as Error;
  const code = (innermost as NodeJS.ErrnoException).code;
  return code !== undefined && !innermost.message.includes(code)
    ? `${innermost.message} (${code})`
    : innermost.message;
}

/** The server's own words about the failure, shortened and without secrets. */
function detailOf(error: unknown, apiKey: string | undefined): string {
  let text: string;
  if (error instanceof OpenAI.APIConnectionError) text = rootCause(error);
  else if (error instanceof OpenAI.APIError) {
    const body = error.error as { message?: unknown } | undefined;
    text = typeof body?.message === 'string' ? body.message : error.message;
  } else text = error instanceof Error ? error.message : String(error);
  // Trailing dots go: the message adds its own punctuation.
  const clean = scrubSecrets(text.replace(/\s+/g, ' ').trim(), apiKey).replace(/[.\s]+$/, '');
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}

/** Seconds (fractional for `retry-after-ms`) from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterSeconds(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds / 1000;
  const value = headers?.get('retry-after');
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Which adaptation a 400 asks for, if any; `undefined` means the error is real. */
function adaptationFor(
  error: unknown,
  request: LlmRequest,
  state: Adaptations,
): keyof Adaptations | undefined {
  if (!(error instanceof OpenAI.APIError) || (error.status !== 400 && error.status !== 422)) return undefined;
  const text = errorText(error);
  if (
    state.tokenParameter === 'max_tokens' &&
    request.maxTokens !== undefined &&
    (error.param === 'max_tokens' || /max_completion_tokens/.test(text))
  ) {
    return 'tokenParameter';
  }
  if (
    state.sendTemperature &&
    request.temperature !== undefined &&
    (error.param === 'temperature' || /\btemperature\b/i.test(text))
  ) {
    return 'sendTemperature';
  }
  if (
    state.jsonMode === 'json_schema' &&
    request.schema !== undefined &&
    /response_format|json_schema|json schema|structured output/i.test(text)
  ) {
    return 'jsonMode';
  }
  return undefined;
}

const notices: Record<keyof Adaptations, string> = {
  jsonMode: 'does not accept JSON Schema output; using JSON mode with the schema in the prompt',
  tokenParameter: 'rejects max_tokens; sending max_completion_tokens instead',
  sendTemperature: 'rejects the temperature setting for this model; using the model default',
};

async function withJsonInstruction(request: LlmRequest): Promise<ChatMessage[]> {
  const messages = [...request.messages];
  if (request.schema === undefined) return messages;
  const instruction = renderPrompt(await loadPrompt('json-object-instruction'), {
    schemaName: request.schema.name,
    schema: JSON.stringify(request.schema.schema, null, 2),
  });
  const systemIndex = messages.findIndex((message) => message.role === 'system');
  const system = messages[systemIndex];
  if (system === undefined) return [{ role: 'system', content: instruction }, ...messages];
  messages[systemIndex] = { role: 'system', content: `${system.content}\n\n${instruction}` };
  return messages;
}

/** The Chat Completions body for a request (also the `body` of a Batch API request line). */
export async function buildBody(
  model: string,
  request: LlmRequest,
  state: Adaptations,
): Promise<ChatCompletionCreateParamsNonStreaming> {
  const jsonObject = request.schema !== undefined && state.jsonMode === 'json_object';
  const messages = jsonObject ? await withJsonInstruction(request) : request.messages;
  const body: ChatCompletionCreateParamsNonStreaming = {
    model,
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
  };
  if (request.temperature !== undefined && state.sendTemperature) body.temperature = request.temperature;
  if (request.maxTokens !== undefined) {
    if (state.tokenParameter === 'max_tokens') body.max_tokens = request.maxTokens;
    else body.max_completion_tokens = request.maxTokens;
  }
  if (request.schema !== undefined) {
    body.response_format = jsonObject
      ? { type: 'json_object' }
      : {
          type: 'json_schema',
          json_schema: { name: request.schema.name, schema: request.schema.schema, strict: true },
        };
  }
  return body;
}

/** A stand-in for the SDK's error with the secrets scrubbed, so `--verbose` causes never show a key. */
function safeCause(error: unknown, apiKey: string | undefined): Error {
  const cause = new Error(detailOf(error, apiKey));
  cause.name = error instanceof Error ? error.constructor.name : 'Error';
  return cause;
}

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds}ms` : `${Math.round(milliseconds / 1000)}s`;
}

/** Maps an SDK or transport failure to an LlmError whose message names the endpoint and model and says the fix. */
export function toLlmError(
  error: unknown,
  endpoint: { baseUrl: string; model: string; timeoutMs: number },
  apiKey?: string | undefined,
): LedeError {
  if (error instanceof LedeError) return error;
  const where = `${endpoint.baseUrl} (model ${endpoint.model})`;
  const detail = detailOf(error, apiKey);
  const cause = safeCause(error, apiKey);
  if (error instanceof OpenAI.APIUserAbortError) {
    return new AbortedError('aborted.signal', `The request to ${where} was cancelled`, { cause });
  }
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmError(
      'llm.timeout',
      `${where} did not answer within ${duration(endpoint.timeoutMs)}. ` +
        'Try again, raise the timeout, or use a smaller or faster model.',
      { retryable: true, cause, hint: 'slow local models may need a longer timeout' },
    );
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new LlmError(
      'llm.connection',
      `Cannot reach ${where}: ${detail}. Check OPENAI_BASE_URL and that the server is running.`,
      { retryable: true, cause, hint: 'for Ollama the base URL is http://localhost:11434/v1' },
    );
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status;
    const common = { status, cause };
    if (status === 401 || status === 403) {
      return new LlmError(
        'llm.auth',
        `${where} rejected the API key (HTTP ${status}): ${detail}. ` +
          'Set OPENAI_API_KEY (environment or .env) to a valid key for this endpoint.',
        { ...common, retryable: false, hint: 'local servers (Ollama, vLLM) accept any non-empty key' },
      );
    }
    if (status === 429) {
      const body = error.error as { code?: unknown; type?: unknown } | undefined;
      if (body?.code === 'insufficient_quota' || body?.type === 'insufficient_quota') {
        return new LlmError(
          'llm.quota',
          `${where} says the account has no quota left (HTTP 429): ${detail}. ` +
            "Add credit or raise the limit in the provider's billing settings, or use another key.",
          { ...common, retryable: false },
        );
      }
      const wait = retryAfterSeconds(error.headers);
      return new LlmError(
        'llm.rate-limit',
        `${where} is rate-limiting requests (HTTP 429${wait === undefined ? '' : `, retry after ${wait}s`}): ` +
          `${detail}. Wait and run again, or send fewer requests at once.`,
        { ...common, retryable: true, retryAfterSeconds: wait },
      );
    }
    if (status === 404) {
      return new LlmError(
        'llm.model-not-found',
        `${where} has no such model or path (HTTP 404): ${detail}. ` +
          'Set LEDE_MODEL or --model to a model the endpoint serves, and check OPENAI_BASE_URL ends in /v1.',
        { ...common, retryable: false, hint: 'for Ollama, `ollama list` shows the models it serves' },
      );
    }
    if (status !== undefined && status >= 500) {
      return new LlmError(
        'llm.server',
        `${where} failed with HTTP ${status}: ${detail}. The server is at fault; try again later.`,
        { ...common, retryable: true },
      );
    }
    return new LlmError(
      'llm.bad-request',
      `${where} rejected the request (HTTP ${status ?? 'unknown'}): ${detail}. ` +
        'Check that the model supports chat completions and the options lede sends.',
      { ...common, retryable: false },
    );
  }
  return new LlmError(
    'llm.bad-response',
    `${where} answered with something that is not a chat completion: ${detail}. ` +
      'Check OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint.',
    { retryable: true, cause },
  );
}

/** The exact key only: credential-shaped patterns could mangle a letter's own words. */
function withoutKey(text: string, apiKey: string | undefined): string {
  return isSecretKey(apiKey) ? text.split(apiKey).join('[redacted]') : text;
}

/**
 * The answer as lede keeps it. A server can see the key, so the key is cut from what it says before the text reaches
 * a letter, a report or the response cache.
 */
export function toResponse(
  completion: ChatCompletion,
  fallbackModel: string,
  where: string,
  apiKey: string | undefined,
): LlmResponse {
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (choice === undefined || choice.message === undefined || choice.message === null) {
    throw new LlmError(
      'llm.bad-response',
      `${where} answered without any choice. Check OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint.`,
      { retryable: true },
    );
  }
  const refusal = choice.message.refusal;
  return {
    content: withoutKey(choice.message.content ?? '', apiKey),
    finishReason: choice.finish_reason ?? 'unknown',
    refusal: typeof refusal === 'string' && refusal.trim() !== '' ? withoutKey(refusal, apiKey) : null,
    model: typeof completion.model === 'string' && completion.model !== '' ? completion.model : fallbackModel,
    promptTokens: completion.usage?.prompt_tokens ?? 0,
    completionTokens: completion.usage?.completion_tokens ?? 0,
    cached: false,
  };
}

/**
 * The LlmClient over any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure, Ollama, vLLM, llama.cpp,
 * LM Studio). The only module that imports `openai`. Transport retries are the SDK's (`maxRetries`); this adds none,
 * except one resend per thing the server turns out not to accept (JSON Schema, max_tokens, temperature).
 */
export function createOpenAiClient(options: OpenAiClientOptions): LlmClient {
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const apiKey = options.apiKey?.trim() === '' ? undefined : options.apiKey;
  const endpoint = { baseUrl, model: options.model, timeoutMs };
  const sdk = new OpenAI({
    // Local servers ignore the key, but the SDK insists on one.
    apiKey: apiKey ?? 'no-key',
    baseURL: baseUrl,
    // Everything is passed explicitly: config is resolved once, the SDK must not read the environment itself.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? defaultMaxRetries,
    logLevel: 'off',
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.headers === undefined ? {} : { defaultHeaders: { ...options.headers } }),
  });
  const state: Adaptations = {
    jsonMode: options.jsonMode ?? 'json_schema',
    tokenParameter: 'max_tokens',
    sendTemperature: true,
  };
  const where = `${baseUrl} (model ${options.model})`;

  return {
    model: options.model,
    baseUrl,
    async complete(request, callOptions = {}) {
      for (;;) {
        const body = await buildBody(options.model, request, state);
        let completion: ChatCompletion;
        try {
          completion = await sdk.chat.completions.create(body, { signal: callOptions.signal });
        } catch (error) {
          const adaptation = adaptationFor(error, request, state);
          if (adaptation === undefined) throw toLlmError(error, endpoint, apiKey);
          if (adaptation === 'jsonMode') state.jsonMode = 'json_object';
          if (adaptation === 'tokenParameter') state.tokenParameter = 'max_completion_tokens';
          if (adaptation === 'sendTemperature') state.sendTemperature = false;
          options.onNotice?.(`${where} ${notices[adaptation]}`);
          continue;
        }
        return toResponse(completion, options.model, where, apiKey);
      }
    },
  };
}
