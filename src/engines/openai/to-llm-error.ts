import OpenAI from 'openai';
import { shownUrl } from '../../config/shown-url.js';
import { AbortedError, LedeError, LlmError } from '../../errors.js';
import { absurdWaitError } from './absurd-wait.js';
import type { Endpoint } from './openai-sdk.js';
import { retryAfterSeconds } from './rate-limit-headers.js';
import { scrubSecrets } from './scrub-secrets.js';

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

/** A stand-in for the SDK's error with the secrets scrubbed, so `--verbose` causes never show a key. */
function safeCause(error: unknown, apiKey: string | undefined): Error {
  const cause = new Error(detailOf(error, apiKey));
  cause.name = error instanceof Error ? error.constructor.name : 'Error';
  return cause;
}

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds}ms` : `${Math.round(milliseconds / 1000)}s`;
}

/**
 * Maps an SDK or transport failure to the error lede reports: the one place an HTTP status becomes an error class and
 * code. Messages name the endpoint and model and say the fix.
 */
export function toLlmError(error: unknown, endpoint: Endpoint): LedeError {
  if (error instanceof LedeError) return error;
  const { where, apiKey } = endpoint;
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
      if (wait !== undefined && wait * 1000 > endpoint.maxPauseMs) {
        return absurdWaitError(where, wait * 1000, `retry-after on an HTTP 429`, endpoint.maxPauseMs);
      }
      return new LlmError(
        'llm.rate-limit',
        `${where} is rate-limiting requests (HTTP 429${wait === undefined ? '' : `, retry after ${wait}s`}): ` +
          `${detail}. Wait and run again, or send fewer requests at once.`,
        { ...common, retryable: true, retryAfterSeconds: wait },
      );
    }
    if (status !== undefined && status >= 300 && status < 400) {
      const location = error.headers?.get('location') ?? '';
      const target = URL.canParse(location, endpoint.baseUrl)
        ? shownUrl(new URL(location, endpoint.baseUrl).origin)
        : 'another address';
      return new LlmError(
        'llm.redirected',
        `${where} redirected the request to ${target} (HTTP ${status}); lede does not follow an endpoint to another ` +
          'host. If that address is the real endpoint, set OPENAI_BASE_URL to it.',
        { ...common, retryable: false },
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

/** Like `toLlmError`, for the probe of `/batches`: a 404 or 405 there means the endpoint has no Batch API. */
export function toBatchApiProbeError(error: unknown, endpoint: Endpoint): LedeError {
  if (error instanceof OpenAI.APIError && (error.status === 404 || error.status === 405)) {
    return new LlmError(
      'llm.batch-api-unavailable',
      `${endpoint.baseUrl} does not offer the Batch API (HTTP ${error.status} on /batches). Local servers (Ollama, ` +
        'vLLM, llama.cpp, LM Studio) and many gateways have none: run without --via batch-api to call the model ' +
        'directly, or use https://api.openai.com/v1.',
      { status: error.status, retryable: false },
    );
  }
  return toLlmError(error, endpoint);
}
