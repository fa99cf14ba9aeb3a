import type { OpenAiClientOptions } from '../engines/openai/openai-client.js';
import type { Config } from './resolve-config.js';

/** The endpoint settings of the resolved config, as every OpenAI-compatible client (chat, Batch API) takes them. */
export function endpointOptions(
  config: Config,
): Pick<OpenAiClientOptions, 'apiKey' | 'baseUrl' | 'model' | 'timeoutMs' | 'maxRetries' | 'jsonMode'> {
  return {
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    model: config.model,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    jsonMode: config.jsonMode,
  };
}
