import OpenAI from 'openai';
import { shownUrl } from '../../config/shown-url.js';
import {
  defaultBaseUrl,
  defaultMaxPauseMs,
  defaultMaxRetries,
  defaultTimeoutMs,
  type EndpointOptions,
  endpointName,
} from './endpoint-options.js';

/** The endpoint as errors and answers name it, with the key they must never show. */
export interface Endpoint {
  /** Without a trailing slash, and with any user name and password in it redacted: for messages and records. */
  readonly baseUrl: string;
  readonly model: string;
  readonly timeoutMs: number;
  /** The longest wait the endpoint may ask for; a longer one is its fault (`llm.absurd-wait`). */
  readonly maxPauseMs: number;
  /** Undefined when none was given (or it was blank). */
  readonly apiKey: string | undefined;
  /** "https://api.openai.com/v1 (model gpt-4o-mini)": how every message names the endpoint. */
  readonly where: string;
}

/** The one place the SDK client is built, for chat completions and the Batch API alike. */
export function createOpenAiSdk(options: EndpointOptions): {
  readonly sdk: OpenAI;
  readonly endpoint: Endpoint;
} {
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const apiKey = options.apiKey?.trim() === '' ? undefined : options.apiKey;
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
  return {
    sdk,
    endpoint: {
      baseUrl: shownUrl(baseUrl),
      model: options.model,
      timeoutMs,
      maxPauseMs: options.maxPauseMs ?? defaultMaxPauseMs,
      apiKey,
      where: endpointName(baseUrl, options.model),
    },
  };
}
