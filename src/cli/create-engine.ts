import type { Config } from '../config/resolve-config.js';
import { shownUrl } from '../config/shown-url.js';
import { createCachedClient } from '../engines/openai/create-cached-client.js';
import { defaultBaseUrl } from '../engines/openai/endpoint-options.js';
import type { Engine } from '../pipeline/engine.js';
import type { CliContext } from './cli-context.js';

/** The stderr line that says which engine `--engine auto` picked, and why. */
export function engineChoiceMessage(config: Config): string {
  if (config.engine === 'offline')
    return 'lede: using the offline engine (no OPENAI_API_KEY or OPENAI_BASE_URL set)\n';
  const reason = config.baseUrl === undefined ? 'OPENAI_API_KEY is set' : 'an OpenAI base URL is set';
  return `lede: using the openai engine, model ${config.model} at ${shownUrl(config.baseUrl ?? defaultBaseUrl)} (${reason})\n`;
}

/**
 * Builds the engine the config asks for: the offline engine, or the LLM engine over an OpenAI-compatible endpoint
 * with the response cache in front. Tests pass `context.engineOverride`. The LLM modules are imported on demand so
 * commands that never call a model (and `--help`) do not load the SDK.
 */
export async function createEngine(
  config: Config,
  context: CliContext,
  /** `fetch` lets `lede batch` read every response's rate-limit headers. */
  transport: { readonly fetch?: typeof fetch | undefined } = {},
): Promise<Engine> {
  if (context.engineOverride !== undefined) return context.engineOverride;
  if (config.engineRequested === 'auto') context.io.stderr(engineChoiceMessage(config));
  if (config.engine === 'offline') {
    const { createOfflineEngine } = await import('../engines/offline/offline-engine.js');
    return createOfflineEngine();
  }
  const [client, { createLlmEngine }] = await Promise.all([
    createCachedClient(config, {
      onNotice: (message) => context.io.stderr(`lede: ${message}\n`),
      fetch: transport.fetch,
      missingEndpointHint:
        'set OPENAI_API_KEY in the environment or a .env file, set OPENAI_BASE_URL for a local server, or use --engine offline',
    }),
    import('../engines/openai/llm-engine.js'),
  ]);
  return createLlmEngine({ client, temperature: config.temperature });
}
