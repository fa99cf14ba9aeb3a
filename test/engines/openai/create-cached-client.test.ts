import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve-config.js';
import { createCachedClient } from '../../../src/engines/openai/create-cached-client.js';
import { ConfigError } from '../../../src/errors.js';
import { newTemporaryFolder } from '../../support/temporary-folder.js';

const options = { onNotice: () => {}, missingEndpointHint: 'set OPENAI_API_KEY, or try --engine offline' };

describe('createCachedClient', () => {
  it('refuses a config with neither key nor base URL, with the hint the command gives', async () => {
    const config = resolveConfig({ engine: 'openai' }, {});
    const refused = createCachedClient(config, options);
    await expect(refused).rejects.toBeInstanceOf(ConfigError);
    await expect(refused).rejects.toMatchObject({
      code: 'config.missing-api-key',
      message: 'the openai engine needs OPENAI_API_KEY (or OPENAI_BASE_URL)',
      field: 'apiKey',
      hint: 'set OPENAI_API_KEY, or try --engine offline',
    });
  });

  it('needs no key when the cache only replays, and never calls the network on a miss', async () => {
    const folder = await newTemporaryFolder('cached-client');
    const config = resolveConfig({ engine: 'openai', cache: 'strict', cacheDir: folder }, {});
    const client = await createCachedClient(config, options);
    await expect(client.complete({ messages: [{ role: 'user', content: 'hello' }] })).rejects.toMatchObject({
      code: 'llm.cache-miss',
    });
  });
});
