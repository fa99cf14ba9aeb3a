import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code-for.js';
import { wantsVerbose } from '../../src/config/early-environment.js';
import { type Config, redactConfig, resolveConfig } from '../../src/config/resolve-config.js';
import { ConfigError } from '../../src/errors.js';

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(resolveConfig({}, {}, undefined, { cwd: '/work' })).toEqual({
      engine: 'offline',
      engineRequested: 'auto',
      apiKey: undefined,
      baseUrl: undefined,
      model: 'gpt-4o-mini',
      profile: undefined,
      analysis: 'auto',
      language: 'posting',
      temperature: 0.4,
      maxAttempts: 3,
      maxWords: 250,
      letterhead: true,
      templates: undefined,
      cache: 'off',
      cacheDir: '/work/.lede-cache',
      timeoutMs: 120_000,
      fetchTimeoutMs: 20_000,
      maxRetries: 2,
      jsonMode: 'json_schema',
      concurrency: 4,
      rpm: undefined,
      tpm: undefined,
      maxCost: undefined,
      maxPause: 600,
      prices: undefined,
      verbose: false,
      configFile: undefined,
      sources: {
        engine: 'default',
        apiKey: 'default',
        baseUrl: 'default',
        model: 'default',
        profile: 'default',
        analysis: 'default',
        language: 'default',
        temperature: 'default',
        maxAttempts: 'default',
        maxWords: 'default',
        letterhead: 'default',
        templates: 'default',
        cache: 'default',
        cacheDir: 'default',
        timeoutMs: 'default',
        fetchTimeoutMs: 'default',
        maxRetries: 'default',
        jsonMode: 'default',
        concurrency: 'default',
        rpm: 'default',
        tpm: 'default',
        maxCost: 'default',
        maxPause: 'default',
        prices: 'default',
        verbose: 'default',
      },
    } satisfies Config);
  });

  it.each([
    {
      name: 'a flag beats the environment and the file',
      flags: { model: 'from-flag' },
      env: { LEDE_MODEL: 'from-env' },
      file: { model: 'from-file' },
      model: 'from-flag',
      source: 'flag',
    },
    {
      name: 'the environment beats the file',
      flags: {},
      env: { LEDE_MODEL: 'from-env' },
      file: { model: 'from-file' },
      model: 'from-env',
      source: 'env',
    },
    {
      name: 'the file beats the default',
      flags: {},
      env: {},
      file: { model: 'from-file' },
      model: 'from-file',
      source: 'file',
    },
    { name: 'the default comes last', flags: {}, env: {}, file: {}, model: 'gpt-4o-mini', source: 'default' },
    {
      name: 'an empty variable counts as unset',
      flags: {},
      env: { LEDE_MODEL: '' },
      file: { model: 'from-file' },
      model: 'from-file',
      source: 'file',
    },
  ])('precedence: $name', ({ flags, env, file, model, source }) => {
    const config = resolveConfig(flags, env, { path: '/work/lede.config.json', data: file });
    expect({ model: config.model, source: config.sources.model }).toEqual({ model, source });
  });

  it('turns flag and environment strings into numbers and booleans', () => {
    const config = resolveConfig(
      { temperature: '0.2', maxAttempts: '5', verbose: true },
      { LEDE_MAX_WORDS: '180', LEDE_TIMEOUT_MS: '5000', LEDE_MAX_RETRIES: '0' },
    );
    expect([
      config.temperature,
      config.maxAttempts,
      config.verbose,
      config.maxWords,
      config.timeoutMs,
      config.maxRetries,
    ]).toEqual([0.2, 5, true, 180, 5000, 0]);
  });

  it('ignores flags that are not config options (command arguments such as --json or --out)', () => {
    expect(resolveConfig({ json: true, out: 'letter.md', model: 'm' }, {}).model).toBe('m');
  });

  describe('engine auto-selection', () => {
    it.each([
      { env: {}, flags: {}, engine: 'offline', requested: 'auto' },
      { env: { OPENAI_API_KEY: 'test-key-not-real' }, flags: {}, engine: 'openai', requested: 'auto' },
      {
        env: { OPENAI_BASE_URL: 'http://localhost:11434/v1' },
        flags: {},
        engine: 'openai',
        requested: 'auto',
      },
      { env: { OPENAI_API_KEY: '' }, flags: {}, engine: 'offline', requested: 'auto' },
      {
        env: { OPENAI_API_KEY: 'test-key-not-real' },
        flags: { engine: 'offline' },
        engine: 'offline',
        requested: 'offline',
      },
      { env: { LEDE_ENGINE: 'openai' }, flags: {}, engine: 'openai', requested: 'openai' },
    ])('$env and $flags -> $engine', ({ env, flags, engine, requested }) => {
      const config = resolveConfig(flags, env);
      expect({ engine: config.engine, requested: config.engineRequested }).toEqual({ engine, requested });
    });

    it('lets a command change a default without beating the environment (lede check defaults to offline)', () => {
      const withKey = { OPENAI_API_KEY: 'test-key-not-real' };
      expect(resolveConfig({}, withKey, undefined, { defaults: { engine: 'offline' } }).engine).toBe(
        'offline',
      );
      expect(
        resolveConfig({}, { ...withKey, LEDE_ENGINE: 'auto' }, undefined, { defaults: { engine: 'offline' } })
          .engine,
      ).toBe('openai');
    });
  });

  describe('bad values name the flag, variable or file key and what it accepts', () => {
    it.each([
      {
        flags: { engine: 'gpt' },
        env: {},
        message: '--engine must be one of auto, offline, openai (got "gpt")',
        hint: 'pass --engine with one of auto, offline, openai, or leave it out for the default',
      },
      {
        flags: {},
        env: { LEDE_TEMPERATURE: 'hot' },
        message: 'LEDE_TEMPERATURE must be a number from 0 to 2 (got "hot")',
        hint: 'set LEDE_TEMPERATURE to a number from 0 to 2, or unset it',
      },
      {
        flags: { maxAttempts: '2.5' },
        env: {},
        message: '--max-attempts must be a whole number from 1 to 10 (got "2.5")',
        hint: 'pass --max-attempts with a whole number from 1 to 10, or leave it out for the default',
      },
      {
        flags: {},
        env: { LEDE_CACHE: 'sometimes' },
        message: 'LEDE_CACHE must be one of off, auto, record, strict (got "sometimes")',
        hint: 'set LEDE_CACHE to one of off, auto, record, strict, or unset it',
      },
      {
        flags: { analysis: 'llm' },
        env: {},
        message: '--analysis must be one of auto, model, offline (got "llm")',
        hint: 'pass --analysis with one of auto, model, offline, or leave it out for the default',
      },
      {
        flags: {},
        env: { LEDE_JSON_MODE: 'text' },
        message: 'LEDE_JSON_MODE must be one of json_schema, json_object (got "text")',
        hint: 'set LEDE_JSON_MODE to one of json_schema, json_object, or unset it',
      },
      {
        flags: { baseUrl: 'localhost:11434' },
        env: {},
        message:
          '--base-url must be an http(s) URL such as http://localhost:11434/v1 (got "localhost:11434")',
        hint: 'pass --base-url with an http(s) URL such as http://localhost:11434/v1, or leave it out for the default',
      },
    ])('$message', ({ flags, env, message, hint }) => {
      const error = errorOf(() => resolveConfig(flags, env));
      expect({
        code: error.code,
        message: error.message,
        hint: error.hint,
        exitCode: exitCodeFor(error),
      }).toEqual({
        code: 'config.invalid',
        message,
        hint,
        exitCode: 2,
      });
    });

    it('names the config file and key for a bad file value', () => {
      const error = errorOf(() =>
        resolveConfig({}, {}, { path: '/work/lede.config.yaml', data: { maxWords: 'lots' } }),
      );
      expect({ message: error.message, file: error.file, field: error.field }).toEqual({
        message: '/work/lede.config.yaml: maxWords must be a whole number from 20 to 2000 (got "lots")',
        file: '/work/lede.config.yaml',
        field: 'maxWords',
      });
    });

    it('rejects a misspelt config-file key with a suggestion', () => {
      const error = errorOf(() =>
        resolveConfig({}, {}, { path: 'lede.config.json', data: { modle: 'gpt-4o' } }),
      );
      expect({ code: error.code, message: error.message }).toEqual({
        code: 'config.unknown-key',
        message:
          'lede.config.json: unknown key "modle" (did you mean "model"?) at the top level; remove it or fix its spelling',
      });
    });

    it('refuses an API key in a config file without echoing it', () => {
      const error = errorOf(() =>
        resolveConfig({}, {}, { path: 'lede.config.json', data: { apiKey: 'test-key-not-real' } }),
      );
      expect({ code: error.code, message: error.message, hint: error.hint }).toEqual({
        code: 'config.secret-in-file',
        message: 'lede.config.json: apiKey does not belong in a config file',
        hint: 'remove it and set OPENAI_API_KEY in the environment or in a .env file that git ignores',
      });
    });

    it('refuses a config file that is not a mapping', () => {
      expect(errorOf(() => resolveConfig({}, {}, { path: 'lede.config.yaml', data: ['model'] })).code).toBe(
        'config.file-not-a-mapping',
      );
    });
  });

  it('resolves paths from flags against the cwd and paths from a file against the file', () => {
    const fromFlag = resolveConfig({ templates: 'my-templates' }, {}, undefined, { cwd: '/home/me' });
    const fromFile = resolveConfig(
      {},
      {},
      { path: '/etc/lede/lede.config.yaml', data: { templates: 'tpl', cacheDir: '/tmp/c' } },
    );
    expect([fromFlag.templates, fromFile.templates, fromFile.cacheDir]).toEqual([
      '/home/me/my-templates',
      '/etc/lede/tpl',
      '/tmp/c',
    ]);
  });
});

describe('the profile option', () => {
  it('comes from --profile, LEDE_PROFILE or the config file, resolved against where it was set', () => {
    const file = { path: '/home/me/jobs/lede.config.yaml', data: { profile: 'me.yaml' } };
    expect([
      resolveConfig({}, {}, file, { cwd: '/home/me' }).profile,
      resolveConfig({}, { LEDE_PROFILE: 'other.yaml' }, file, { cwd: '/home/me' }).profile,
      resolveConfig({ profile: 'flag.yaml' }, { LEDE_PROFILE: 'other.yaml' }, file, { cwd: '/home/me' })
        .profile,
      resolveConfig({}, {}, undefined, { cwd: '/home/me' }).profile,
    ]).toEqual(['/home/me/jobs/me.yaml', '/home/me/other.yaml', '/home/me/flag.yaml', undefined]);
  });
});

describe('redactConfig', () => {
  it('shows whether the key is set, never the key', () => {
    const shown = redactConfig(resolveConfig({}, { OPENAI_API_KEY: 'test-key-not-real' }));
    expect(shown.apiKey).toBe('(set, redacted)');
    expect(JSON.stringify(shown)).not.toContain('test-key-not-real');
    expect(redactConfig(resolveConfig({}, {})).apiKey).toBe('(not set)');
  });
});

describe('wantsVerbose', () => {
  it('is on with --verbose or a truthy LEDE_VERBOSE', () => {
    expect([
      wantsVerbose(['check', 'x', '--verbose'], {}),
      wantsVerbose([], { LEDE_VERBOSE: '1' }),
      wantsVerbose([], { LEDE_VERBOSE: 'no' }),
      wantsVerbose([], {}),
    ]).toEqual([true, true, false, false]);
  });
});
