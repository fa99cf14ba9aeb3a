import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LlmError, OutputError } from '../../errors.js';
import { writeFileAtomic } from '../../output/write-file-atomic.js';
import type { LlmClient, LlmRequest, LlmResponse } from './llm-client.js';
import { StoredResponseSchema } from './stored-response.js';

/**
 * `off`: no cache. `auto`: answer from the cache when it holds the request, else call and store. `record`: always
 * call and (over)write. `strict`: answer only from the cache; a miss is an error (replay in CI, no endpoint needed).
 */
export const CacheModeSchema = z.enum(['off', 'auto', 'record', 'strict']);
export type CacheMode = z.infer<typeof CacheModeSchema>;

export interface ResponseCacheOptions {
  readonly mode: CacheMode;
  /** The cassette folder: one `<key>.json` per request. */
  readonly folder: string;
}

/** Everything that decides an answer. Never headers or keys: those are not part of the request the port sees. */
const CachedRequestSchema = z.object({
  baseUrl: z.string(),
  model: z.string(),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
  schema: z.object({ name: z.string(), schema: z.record(z.string(), z.unknown()) }).nullable(),
  temperature: z.number().nullable(),
  maxTokens: z.number().nullable(),
  repeat: z.number().nullable(),
});
type CachedRequest = z.infer<typeof CachedRequestSchema>;

const CacheEntrySchema = z.object({
  key: z.string(),
  request: CachedRequestSchema,
  response: StoredResponseSchema,
});
type CacheEntry = z.infer<typeof CacheEntrySchema>;

/** JSON with object keys sorted at every level, so equal requests always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item).sort(([left], [right]) => (left < right ? -1 : 1)));
  });
}

function cachedRequest(client: LlmClient, request: LlmRequest): CachedRequest {
  return {
    baseUrl: client.baseUrl,
    model: client.model,
    messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
    schema:
      request.schema === undefined ? null : { name: request.schema.name, schema: request.schema.schema },
    temperature: request.temperature ?? null,
    maxTokens: request.maxTokens ?? null,
    repeat: request.repeat ?? null,
  };
}

/** sha256 of the canonical JSON of base URL, model, messages, schema, temperature, max tokens and repeat. */
export function cacheKey(client: LlmClient, request: LlmRequest): string {
  return createHash('sha256')
    .update(canonicalJson(cachedRequest(client, request)))
    .digest('hex');
}

async function readEntry(path: string): Promise<CacheEntry | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LlmError('llm.cache-unreadable', `${path} cannot be read: ${(error as Error).message}`, {
      file: path,
      hint: 'check the cache folder permissions',
      cause: error,
    });
  }
  try {
    return CacheEntrySchema.parse(JSON.parse(text));
  } catch (error) {
    throw new LlmError('llm.cache-invalid', `${path} is not a valid lede cache entry`, {
      file: path,
      hint: 'delete the file, or run again with --cache record to rewrite it',
      cause: error,
    });
  }
}

/** Written atomically: a reader (or a parallel run) never sees half an entry. */
async function writeEntry(path: string, entry: CacheEntry): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(entry, null, 2)}\n`, {
    createFolder: true,
    toError: (error) =>
      new OutputError(
        'output.cache-write',
        `Cannot write the response cache entry ${path}: ${(error as Error).message}`,
        {
          file: path,
          hint: 'check that the cache folder is writable and the disk has space, or run with --cache off',
          cause: error,
        },
      ),
  });
}

/**
 * Wraps a client with a response cache keyed on the whole request, so a run recorded once against a real model
 * replays for free and deterministically (eval cassettes). Cached answers come back with `cached: true`.
 */
export function withResponseCache(client: LlmClient, options: ResponseCacheOptions): LlmClient {
  if (options.mode === 'off') return client;
  const { folder, mode } = options;
  return {
    model: client.model,
    baseUrl: client.baseUrl,
    async complete(request, callOptions) {
      const key = cacheKey(client, request);
      const path = join(folder, `${key}.json`);
      if (mode !== 'record') {
        const entry = await readEntry(path);
        if (entry !== undefined) return { ...entry.response, cached: true };
        if (mode === 'strict') {
          throw new LlmError(
            'llm.cache-miss',
            `The response cache in ${folder} has no answer for this request to ${client.baseUrl} ` +
              `(model ${client.model}; entry ${key}.json). Run once with --cache record against the endpoint ` +
              'to record it, then replay with --cache strict.',
            {
              file: path,
              hint: 'a changed prompt, profile, posting, model or sampling setting makes a new request',
            },
          );
        }
      }
      const response: LlmResponse = await client.complete(request, callOptions);
      const { cached: _cached, ...stored } = response;
      await writeEntry(path, { key, request: cachedRequest(client, request), response: stored });
      return response;
    },
  };
}
