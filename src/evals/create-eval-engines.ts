import type { Config } from '../config/resolve-config.js';
import { createCachedClient } from '../engines/openai/create-cached-client.js';
import type { Engine } from '../pipeline/engine.js';

/**
 * One engine per repeat. The offline engine is deterministic, so every repeat shares it. The LLM engine gets the
 * repeat index so the response cache keeps repeats apart; repeat 0 sends none, so its requests (and cassettes) are
 * the ones `lede draft` makes. The client and the cache are built once: what the client learns about the server
 * (JSON mode, token parameter) holds for the whole run.
 */
export async function createEvalEngines(
  config: Config,
  onNotice: (message: string) => void,
): Promise<(repeat: number) => Engine> {
  if (config.engine === 'offline') {
    const { createOfflineEngine } = await import('../engines/offline/offline-engine.js');
    const engine = createOfflineEngine();
    return () => engine;
  }
  const [client, { createLlmEngine }] = await Promise.all([
    createCachedClient(config, {
      onNotice,
      missingEndpointHint:
        'set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server; replay recorded cassettes with --cache strict',
    }),
    import('../engines/openai/llm-engine.js'),
  ]);
  const engines = new Map<number, Engine>();
  return (repeat) => {
    const known = engines.get(repeat);
    if (known !== undefined) return known;
    const engine = createLlmEngine({
      client,
      temperature: config.temperature,
      ...(repeat === 0 ? {} : { repeat }),
    });
    engines.set(repeat, engine);
    return engine;
  };
}
