import type { Config } from '../../config/resolve-config.js';
import { ConfigError } from '../../errors.js';
import { endpointOptions } from './endpoint-options.js';
import type { LlmClient } from './llm-client.js';
import { plainHttpKeyWarning } from './plain-http-warning.js';

export interface CachedClientOptions {
  readonly onNotice: (message: string) => void;
  /** `lede batch` passes a fetch that reads every response's rate-limit headers. */
  readonly fetch?: typeof fetch | undefined;
  /** What to tell a user who has no endpoint configured: the ways this command can go on. */
  readonly missingEndpointHint: string;
}

/**
 * The OpenAI-compatible client with the response cache in front, for every command that calls a model. It needs a key
 * or a base URL, unless the cache only replays (`--cache strict` never reaches the network). The SDK is imported on
 * demand, so commands that never call a model (and `--help`) do not load it.
 */
export async function createCachedClient(config: Config, options: CachedClientOptions): Promise<LlmClient> {
  if (config.apiKey === undefined && config.baseUrl === undefined && config.cache !== 'strict') {
    throw new ConfigError(
      'config.missing-api-key',
      'the openai engine needs OPENAI_API_KEY (or OPENAI_BASE_URL)',
      { field: 'apiKey', hint: options.missingEndpointHint },
    );
  }
  const warning = plainHttpKeyWarning(config.apiKey, config.baseUrl);
  if (warning !== undefined) options.onNotice(warning);
  const [{ createOpenAiClient }, { withResponseCache }] = await Promise.all([
    import('./openai-client.js'),
    import('./response-cache.js'),
  ]);
  const client = createOpenAiClient({
    ...endpointOptions(config),
    onNotice: options.onNotice,
    fetch: options.fetch,
  });
  return withResponseCache(client, { mode: config.cache, folder: config.cacheDir });
}
