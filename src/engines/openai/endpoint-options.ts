import type { Config } from '../../config/resolve-config.js';
import type { JsonMode } from './chat-body.js';

/**
 * Where requests go and how they travel: every client over the SDK (chat completions, the Batch API) takes these.
 * This file imports nothing from `openai`, so commands that never call a model do not load the SDK.
 */
export interface EndpointOptions {
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
  /** A fetch implementation (tests, proxies, `lede batch` reading rate-limit headers); default the global fetch. */
  readonly fetch?: typeof fetch | undefined;
  /** Extra headers for every request (a gateway's routing header, Azure's api-key). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export const defaultBaseUrl = 'https://api.openai.com/v1';
export const defaultTimeoutMs = 120_000;
export const defaultMaxRetries = 2;

/** The endpoint settings of the resolved config, as every OpenAI-compatible client (chat, Batch API) takes them. */
export function endpointOptions(config: Config): Pick<
  EndpointOptions,
  'apiKey' | 'baseUrl' | 'model' | 'timeoutMs' | 'maxRetries'
> & {
  readonly jsonMode: JsonMode;
} {
  return {
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    model: config.model,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    jsonMode: config.jsonMode,
  };
}
