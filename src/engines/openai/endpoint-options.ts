import type { Config } from '../../config/resolve-config.js';
import { shownUrl } from '../../config/shown-url.js';
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
  /** The longest wait the endpoint may ask for before it counts as the endpoint's fault; default 600000 ms. */
  readonly maxPauseMs?: number | undefined;
}

export const defaultBaseUrl = 'https://api.openai.com/v1';
export const defaultTimeoutMs = 120_000;
export const defaultMaxRetries = 2;
export const defaultMaxPauseMs = 600_000;

/** The endpoint settings of the resolved config, as every OpenAI-compatible client (chat, Batch API) takes them. */
export function endpointOptions(config: Config): Pick<
  EndpointOptions,
  'apiKey' | 'baseUrl' | 'model' | 'timeoutMs' | 'maxRetries' | 'maxPauseMs'
> & {
  readonly jsonMode: JsonMode;
} {
  return {
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    model: config.model,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    maxPauseMs: config.maxPause * 1000,
    jsonMode: config.jsonMode,
  };
}

/** "https://api.openai.com/v1 (model gpt-4o-mini)": how every message names the endpoint, credentials redacted. */
export function endpointName(baseUrl: string | undefined, model: string): string {
  return `${shownUrl((baseUrl ?? defaultBaseUrl).replace(/\/+$/, ''))} (model ${model})`;
}
