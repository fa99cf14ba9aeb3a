import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { describeIssues } from '../input/describe-issues.js';
import { analysisModes } from './analysis-modes.js';
import { cacheModes } from './cache-modes.js';
import type { Environment } from './early-environment.js';
import { letterLanguages } from './letter-languages.js';
import { shownUrl } from './shown-url.js';

/** A parsed `lede.config.json` / `lede.config.yaml`, and where it came from (for messages and relative paths). */
export interface ConfigFile {
  readonly path: string;
  readonly data: unknown;
}

/** How one option is read: its schema, default, and the flag, environment variable and config-file key it comes from. */
export interface OptionSpec<Schema extends z.ZodType = z.ZodType> {
  /** Validates one raw value (flags and environment variables arrive as strings, config files as any JSON value). */
  readonly schema: Schema;
  /** Used when no flag, environment variable or config-file key sets it; `undefined` means "not set". */
  readonly default: z.output<Schema> | undefined;
  /** The command-line flag, e.g. `--max-words`; its commander attribute name must equal the option's key. */
  readonly flag?: string;
  readonly env?: string;
  /** False for options that must not live in a config file (the API key). */
  readonly file?: boolean;
  /** A relative path, resolved against the cwd (flag, env) or the config file's folder (file). */
  readonly path?: boolean;
  /** Never echoed in messages. */
  readonly secret?: boolean;
  /** What the option accepts, completing "--temperature must be ...". */
  readonly expects: string;
}

/** Keeps the schema and whether the default is `undefined` in the option's type, so `Config` can be inferred. */
function option<Schema extends z.ZodType, Default extends z.output<Schema> | undefined>(
  spec: OptionSpec<Schema> & { readonly default: Default },
): OptionSpec<Schema> & { readonly default: Default } {
  return spec;
}

function toNumber(value: unknown): unknown {
  return typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
}

function toBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(word)) return true;
  if (['0', 'false', 'no', 'off'].includes(word)) return false;
  return value;
}

function integer(min: number, max: number) {
  return z.preprocess(toNumber, z.number().int().min(min).max(max));
}

const nonEmpty = z.string().trim().min(1);

const httpUrl = nonEmpty.refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
});

export const engineChoices = ['auto', 'offline', 'openai'] as const;

export { cacheModes } from './cache-modes.js';
export const jsonModes = ['json_schema', 'json_object'] as const;

/**
 * Every option lede reads. To add one: add an entry here (JSDoc with its default and env var); `Config` and the
 * config-file keys follow from it. Precedence for each option: flag > environment variable > config file > default.
 */
export const configOptions = {
  /**
   * Which engine writes the letters. `--engine`, `LEDE_ENGINE`. Default `auto`: `openai` when `OPENAI_API_KEY` or
   * `OPENAI_BASE_URL` is set, else `offline` (see `Config.engine` for the resolved choice).
   */
  engine: option({
    schema: z.enum(engineChoices),
    default: 'auto',
    flag: '--engine',
    env: 'LEDE_ENGINE',
    expects: `one of ${engineChoices.join(', ')}`,
  }),
  /** The OpenAI (or compatible server's) API key. `OPENAI_API_KEY` only: never a flag or a config-file key. */
  apiKey: option({
    // A key with a line break inside (`FIRSTKEY\nSECONDKEY`) is two values pasted together: sent as a header it fails
    // in a way that prints part of it, so it is refused here, before any request.
    schema: nonEmpty.refine((key) => !/\s/.test(key)),
    default: undefined,
    env: 'OPENAI_API_KEY',
    file: false,
    secret: true,
    expects: 'a non-empty key with no spaces or line breaks inside',
  }),
  /** An OpenAI-compatible endpoint (Azure, Ollama, vLLM, llama.cpp, LM Studio). `--base-url`, `OPENAI_BASE_URL`. Default: OpenAI. */
  baseUrl: option({
    schema: httpUrl,
    default: undefined,
    flag: '--base-url',
    env: 'OPENAI_BASE_URL',
    expects: 'an http(s) URL such as http://localhost:11434/v1',
  }),
  /** The model id. `--model`, `LEDE_MODEL`. Default `gpt-4o-mini`. */
  model: option({
    schema: nonEmpty,
    default: 'gpt-4o-mini',
    flag: '--model',
    env: 'LEDE_MODEL',
    expects: 'a model id',
  }),
  /**
   * `lede draft` and `lede batch`: the candidate's profile, so it need not be typed on every command. `--profile`,
   * `LEDE_PROFILE`. Default: none (then `--profile` is required).
   */
  profile: option({
    schema: nonEmpty,
    default: undefined,
    flag: '--profile',
    env: 'LEDE_PROFILE',
    path: true,
    expects: 'a file path',
  }),
  /**
   * Who reads the posting when a model writes the letter: `model` (one structured call), `offline` (the heuristic
   * reader, no call), or `auto` (the offline reading when it is confident: industry, company and hook; else the model).
   * `--analysis`, `LEDE_ANALYSIS`. Default `auto`. The offline engine always reads postings itself.
   */
  analysis: option({
    schema: z.enum(analysisModes),
    default: 'auto',
    flag: '--analysis',
    env: 'LEDE_ANALYSIS',
    expects: `one of ${analysisModes.join(', ')}`,
  }),
  /**
   * The language a model writes the letter in: `posting` (the posting's, detected) or `en` (English). `--language`,
   * `LEDE_LANGUAGE`. Default `posting`. Rules that read English only are skipped, and listed, for a letter in another.
   */
  language: option({
    schema: z.enum(letterLanguages),
    default: 'posting',
    flag: '--language',
    env: 'LEDE_LANGUAGE',
    expects: `one of ${letterLanguages.join(', ')}`,
  }),
  /** Sampling temperature for drafting. `--temperature`, `LEDE_TEMPERATURE`. Default 0.4. */
  temperature: option({
    schema: z.preprocess(toNumber, z.number().min(0).max(2)),
    default: 0.4,
    flag: '--temperature',
    env: 'LEDE_TEMPERATURE',
    expects: 'a number from 0 to 2',
  }),
  /** Attempts per letter, the first draft included. `--max-attempts`, `LEDE_MAX_ATTEMPTS`. Default 3. */
  maxAttempts: option({
    schema: integer(1, 10),
    default: 3,
    flag: '--max-attempts',
    env: 'LEDE_MAX_ATTEMPTS',
    expects: 'a whole number from 1 to 10',
  }),
  /** The letter body's word limit. `--max-words`, `LEDE_MAX_WORDS`. Default 250. */
  maxWords: option({
    schema: integer(20, 2000),
    default: 250,
    flag: '--max-words',
    env: 'LEDE_MAX_WORDS',
    expects: 'a whole number from 20 to 2000',
  }),
  /**
   * `lede draft`: a Markdown or text letter starts with a letterhead (name, contact, date, company
   * and role). `--no-letterhead`, `LEDE_LETTERHEAD`, `letterhead: false` in the config file. Default true.
   */
  letterhead: option({
    schema: z.preprocess(toBoolean, z.boolean()),
    default: true,
    flag: '--no-letterhead',
    env: 'LEDE_LETTERHEAD',
    expects: 'true or false',
  }),
  /** A templates folder (common.yaml + industries/*.yaml). `--templates`, `LEDE_TEMPLATES`. Default: the bundled one. */
  templates: option({
    schema: nonEmpty,
    default: undefined,
    flag: '--templates',
    env: 'LEDE_TEMPLATES',
    path: true,
    expects: 'a folder path',
  }),
  /**
   * The LLM response cache: `off`; `auto` (answer from the cache, call and record on a miss); `record` (always call,
   * overwrite); `strict` (cache only: a miss is an error). `--cache`, `LEDE_CACHE`. Default `off`.
   */
  cache: option({
    schema: z.enum(cacheModes),
    default: 'off',
    flag: '--cache',
    env: 'LEDE_CACHE',
    expects: `one of ${cacheModes.join(', ')}`,
  }),
  /** Where the response cache lives. `--cache-dir`, `LEDE_CACHE_DIR`. Default `.lede-cache`. */
  cacheDir: option({
    schema: nonEmpty,
    default: '.lede-cache',
    flag: '--cache-dir',
    env: 'LEDE_CACHE_DIR',
    path: true,
    expects: 'a folder path',
  }),
  /** Per-request timeout in milliseconds. `--timeout-ms`, `LEDE_TIMEOUT_MS`. Default 120000 (slow local models). */
  timeoutMs: option({
    schema: integer(1000, 3_600_000),
    default: 120_000,
    flag: '--timeout-ms',
    env: 'LEDE_TIMEOUT_MS',
    expects: 'a whole number of milliseconds from 1000 to 3600000',
  }),
  /**
   * Timeout for fetching a posting from a web address, in milliseconds, redirects and body included.
   * `--fetch-timeout-ms`, `LEDE_FETCH_TIMEOUT_MS`. Default 20000.
   */
  fetchTimeoutMs: option({
    schema: integer(1000, 600_000),
    default: 20_000,
    flag: '--fetch-timeout-ms',
    env: 'LEDE_FETCH_TIMEOUT_MS',
    expects: 'a whole number of milliseconds from 1000 to 600000',
  }),
  /** Transport retries inside the SDK (429, 5xx, timeouts). `--max-retries`, `LEDE_MAX_RETRIES`. Default 2. */
  maxRetries: option({
    schema: integer(0, 10),
    default: 2,
    flag: '--max-retries',
    env: 'LEDE_MAX_RETRIES',
    expects: 'a whole number from 0 to 10',
  }),
  /**
   * How structured stages ask for JSON: `json_schema` (structured output) or `json_object` (JSON mode plus the schema
   * in the prompt, for servers without JSON Schema support). `--json-mode`, `LEDE_JSON_MODE`. Default `json_schema`.
   */
  jsonMode: option({
    schema: z.enum(jsonModes),
    default: 'json_schema',
    flag: '--json-mode',
    env: 'LEDE_JSON_MODE',
    expects: `one of ${jsonModes.join(', ')}`,
  }),
  /** `lede batch`: postings in flight at once. `--concurrency`, `LEDE_CONCURRENCY`. Default 4. */
  concurrency: option({
    schema: integer(1, 256),
    default: 4,
    flag: '--concurrency',
    env: 'LEDE_CONCURRENCY',
    expects: 'a whole number from 1 to 256',
  }),
  /** `lede batch`: requests per minute the endpoint allows. `--rpm`, `LEDE_RPM`. Default: no limit. */
  rpm: option({
    schema: integer(1, 100_000_000),
    default: undefined,
    flag: '--rpm',
    env: 'LEDE_RPM',
    expects: 'a whole number of requests per minute, from 1 to 100000000',
  }),
  /** `lede batch`: tokens per minute (prompt + completion) the endpoint allows. `--tpm`, `LEDE_TPM`. Default: no limit. */
  tpm: option({
    schema: integer(100, 100_000_000_000),
    default: undefined,
    flag: '--tpm',
    env: 'LEDE_TPM',
    expects: 'a whole number of tokens per minute, from 100 to 100000000000',
  }),
  /**
   * `lede batch`: the longest pause, in seconds, lede takes when the endpoint says to wait (a 429's retry-after, a
   * spent rate-limit budget). A longer wait is the endpoint's fault and stops the batch. `--max-pause`,
   * `LEDE_MAX_PAUSE`. Default 600.
   */
  maxPause: option({
    schema: integer(1, 86_400),
    default: 600,
    flag: '--max-pause',
    env: 'LEDE_MAX_PAUSE',
    expects: 'a whole number of seconds from 1 to 86400',
  }),
  /** `lede batch`: stop before the estimated spend passes this many US dollars. `--max-cost`, `LEDE_MAX_COST`. Default: none. */
  maxCost: option({
    schema: z.preprocess(toNumber, z.number().positive()),
    default: undefined,
    flag: '--max-cost',
    env: 'LEDE_MAX_COST',
    expects: 'a positive number of US dollars',
  }),
  /** `lede batch`: a price table (model: { input, output } in USD per million tokens). `--prices`, `LEDE_PRICES`. */
  prices: option({
    schema: nonEmpty,
    default: undefined,
    flag: '--prices',
    env: 'LEDE_PRICES',
    path: true,
    expects: 'a file path',
  }),
  /** Print the resolved config (key redacted) and stack traces. `--verbose`, `LEDE_VERBOSE`. Default false. */
  verbose: option({
    schema: z.preprocess(toBoolean, z.boolean()),
    default: false,
    flag: '--verbose',
    env: 'LEDE_VERBOSE',
    expects: 'true or false',
  }),
} satisfies Record<string, OptionSpec>;

export type ConfigKey = keyof typeof configOptions;

type OptionValue<Spec> =
  Spec extends OptionSpec<infer Schema>
    ? Spec extends { default: undefined }
      ? z.output<Schema> | undefined
      : z.output<Schema>
    : never;

/** Where a resolved value came from, for `--verbose`. */
export type ConfigSource = 'flag' | 'env' | 'file' | 'default';

/** The resolved configuration every command runs with. Build it only through `resolveConfig`. */
export type Config = {
  readonly [Key in Exclude<ConfigKey, 'engine'>]: OptionValue<(typeof configOptions)[Key]>;
} & {
  /** The engine that runs: `auto` already decided. */
  readonly engine: 'offline' | 'openai';
  /** What was asked for (`auto` unless set). */
  readonly engineRequested: (typeof engineChoices)[number];
  /** The config file that was read, if any. */
  readonly configFile: string | undefined;
  readonly sources: Readonly<Record<ConfigKey, ConfigSource>>;
};

export interface ResolveOptions {
  /** Relative paths from flags and environment variables resolve against this folder. */
  readonly cwd?: string;
  /** Per-command defaults that replace the global ones (e.g. `lede check` defaults to the offline engine). */
  readonly defaults?: { readonly [Key in ConfigKey]?: OptionValue<(typeof configOptions)[Key]> };
}

function describeRaw(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : (JSON.stringify(raw) ?? String(raw));
}

const fileKeys = (Object.keys(configOptions) as ConfigKey[]).filter(
  (key) => configOptions[key].file !== false,
);

/** A config file must be a mapping of known option keys; a misspelt key is an error, not silently ignored. */
function fileValues(file: ConfigFile): Record<string, unknown> {
  const data = file.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(
      'config.file-not-a-mapping',
      `${file.path}: a config file must be a mapping of options`,
      {
        file: file.path,
        hint: `write keys such as model: gpt-4o-mini (known keys: ${fileKeys.join(', ')})`,
      },
    );
  }
  const values = data as Record<string, unknown>;
  if ('apiKey' in values) {
    throw new ConfigError('config.secret-in-file', `${file.path}: apiKey does not belong in a config file`, {
      file: file.path,
      field: 'apiKey',
      hint: 'remove it and set OPENAI_API_KEY in the environment or in a .env file that git ignores',
    });
  }
  const known = z.object(Object.fromEntries(fileKeys.map((key) => [key, z.unknown().optional()]))).strict();
  const parsed = known.safeParse(values);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, values, () => fileKeys);
    throw new ConfigError(
      'config.unknown-key',
      `${file.path}: ${problems.map((problem) => problem.message).join('; ')}`,
      {
        file: file.path,
        field: problems[0]?.field,
        hint: `known keys: ${fileKeys.join(', ')}`,
      },
    );
  }
  return values;
}

interface Candidate {
  readonly raw: unknown;
  readonly source: Exclude<ConfigSource, 'default'>;
  /** How the message names it: `--temperature`, `LEDE_TEMPERATURE`, `lede.config.yaml: temperature`. */
  readonly name: string;
}

function candidateFor(
  key: ConfigKey,
  flags: Readonly<Record<string, unknown>>,
  env: Environment,
  file: ConfigFile | undefined,
  fromFile: Record<string, unknown>,
): Candidate | undefined {
  const spec: OptionSpec = configOptions[key];
  if (spec.flag !== undefined && flags[key] !== undefined)
    return { raw: flags[key], source: 'flag', name: spec.flag };
  const fromEnv = spec.env === undefined ? undefined : env[spec.env];
  // An empty variable counts as unset: `OPENAI_API_KEY=` in a .env is how people switch one off.
  if (spec.env !== undefined && fromEnv !== undefined && fromEnv.trim() !== '') {
    return { raw: fromEnv, source: 'env', name: spec.env };
  }
  if (file !== undefined && spec.file !== false && fromFile[key] !== undefined) {
    return { raw: fromFile[key], source: 'file', name: `${file.path}: ${key}` };
  }
  return undefined;
}

/**
 * Resolves every option once, with precedence flag > environment variable > config file > default, and validates
 * each value where it was given, so an error names the flag, variable or file key and what it accepts. `flags` holds
 * commander's parsed options (keys equal to the option keys; unknown keys are ignored).
 */
export function resolveConfig(
  flags: Readonly<Record<string, unknown>>,
  env: Environment,
  file?: ConfigFile,
  options: ResolveOptions = {},
): Config {
  const fromFile = file === undefined ? {} : fileValues(file);
  const values: Record<string, unknown> = {};
  const sources: Partial<Record<ConfigKey, ConfigSource>> = {};
  for (const key of Object.keys(configOptions) as ConfigKey[]) {
    const spec: OptionSpec = configOptions[key];
    const candidate = candidateFor(key, flags, env, file, fromFile);
    if (candidate === undefined) {
      const value = options.defaults?.[key] ?? spec.default;
      values[key] = spec.path === true && typeof value === 'string' ? resolvePath(value, options.cwd) : value;
      sources[key] = 'default';
      continue;
    }
    const parsed = spec.schema.safeParse(candidate.raw);
    if (!parsed.success) {
      const raw =
        key === 'baseUrl' && typeof candidate.raw === 'string' ? shownUrl(candidate.raw) : candidate.raw;
      const got = spec.secret === true ? '' : ` (got ${describeRaw(raw)})`;
      throw new ConfigError('config.invalid', `${candidate.name} must be ${spec.expects}${got}`, {
        file: candidate.source === 'file' ? file?.path : undefined,
        field: key,
        hint: hintFor(candidate, spec),
      });
    }
    const base = candidate.source === 'file' && file !== undefined ? dirname(file.path) : options.cwd;
    values[key] =
      spec.path === true && typeof parsed.data === 'string' ? resolvePath(parsed.data, base) : parsed.data;
    sources[key] = candidate.source;
  }
  const requested = values.engine as Config['engineRequested'];
  const engine =
    requested === 'auto'
      ? values.apiKey !== undefined || values.baseUrl !== undefined
        ? 'openai'
        : 'offline'
      : requested;
  return {
    ...(values as Omit<Config, 'engine' | 'engineRequested' | 'configFile' | 'sources'>),
    engine,
    engineRequested: requested,
    configFile: file?.path,
    sources: sources as Record<ConfigKey, ConfigSource>,
  };
}

function resolvePath(path: string, base: string | undefined): string {
  return base === undefined || isAbsolute(path) ? path : resolve(base, path);
}

function hintFor(candidate: Candidate, spec: OptionSpec): string {
  if (candidate.source === 'flag')
    return `pass ${spec.flag} with ${spec.expects}, or leave it out for the default`;
  if (candidate.source === 'env') return `set ${candidate.name} to ${spec.expects}, or unset it`;
  return `fix the value in the config file, or remove the key for the default`;
}

/** The config as it may be shown (`--verbose`): the API key is never printed, only whether it is set. */
export function redactConfig(config: Config): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...config };
  for (const key of Object.keys(configOptions) as ConfigKey[]) {
    const spec: OptionSpec = configOptions[key];
    if (spec.secret === true) shown[key] = config[key] === undefined ? '(not set)' : '(set, redacted)';
  }
  if (config.baseUrl !== undefined) shown.baseUrl = shownUrl(config.baseUrl);
  return shown;
}

// Kept importable from here for existing callers; they live apart so `lede --help` does not load zod.
