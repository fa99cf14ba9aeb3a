import OpenAI, { toFile } from 'openai';
import type { Batch } from 'openai/resources/batches';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { BatchApiClient, BatchJob } from '../../batch/batch-api/batch-api-client.js';
import { LlmError } from '../../errors.js';
import {
  buildBody,
  defaultBaseUrl,
  defaultTimeoutMs,
  type OpenAiClientOptions,
  toLlmError,
  toResponse,
} from './openai-client.js';

/** The chat client's endpoint settings: Batch API jobs go to the same endpoint with the same request bodies. */
export type OpenAiBatchApiOptions = Pick<
  OpenAiClientOptions,
  'apiKey' | 'baseUrl' | 'model' | 'timeoutMs' | 'maxRetries' | 'jsonMode' | 'fetch'
>;

function toJob(batch: Batch): BatchJob {
  return {
    id: batch.id,
    status: batch.status,
    outputFileId: batch.output_file_id ?? null,
    errorFileId: batch.error_file_id ?? null,
    requestCounts: {
      total: batch.request_counts?.total ?? 0,
      completed: batch.request_counts?.completed ?? 0,
      failed: batch.request_counts?.failed ?? 0,
    },
    errors: (batch.errors?.data ?? []).map(
      (error) =>
        `${error.line === undefined || error.line === null ? '' : `line ${error.line}: `}${error.message ?? error.code ?? 'error'}`,
    ),
  };
}

/**
 * The Batch API over OpenAI's files and batches endpoints. This and `openai-client.ts` are the only modules that import
 * `openai`: the Batch API is a different surface (uploads, jobs, file downloads) from the chat completions the
 * LlmClient port covers, and request bodies come from `buildBody` there, so a batched request is exactly the one a
 * direct call would send.
 */
export function createOpenAiBatchApi(options: OpenAiBatchApiOptions): BatchApiClient {
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const apiKey = options.apiKey?.trim() === '' ? undefined : options.apiKey;
  const endpoint = { baseUrl, model: options.model, timeoutMs };
  const where = `${baseUrl} (model ${options.model})`;
  const sdk = new OpenAI({
    apiKey: apiKey ?? 'no-key',
    baseURL: baseUrl,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? 2,
    logLevel: 'off',
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const mapped = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toLlmError(error, endpoint, apiKey);
    }
  };

  return {
    model: options.model,
    baseUrl,
    async checkAvailable(callOptions = {}) {
      try {
        await sdk.batches.list({ limit: 1 }, { signal: callOptions.signal });
      } catch (error) {
        if (error instanceof OpenAI.APIError && (error.status === 404 || error.status === 405)) {
          throw new LlmError(
            'llm.batch-api-unavailable',
            `${baseUrl} does not offer the Batch API (HTTP ${error.status} on /batches). Local servers (Ollama, vLLM, ` +
              'llama.cpp, LM Studio) and many gateways have none: run without --via batch-api to call the model ' +
              'directly, or use https://api.openai.com/v1.',
            { status: error.status, retryable: false },
          );
        }
        throw toLlmError(error, endpoint, apiKey);
      }
    },
    requestBody: async (request) =>
      (await buildBody(options.model, request, {
        jsonMode: options.jsonMode ?? 'json_schema',
        tokenParameter: 'max_tokens',
        sendTemperature: true,
      })) as unknown as Record<string, unknown>,
    uploadRequests: (jsonl, filename, callOptions = {}) =>
      mapped(async () => {
        const file = await toFile(Buffer.from(jsonl, 'utf8'), filename, { type: 'application/jsonl' });
        return (await sdk.files.create({ file, purpose: 'batch' }, { signal: callOptions.signal })).id;
      }),
    createJob: (inputFileId, metadata, callOptions = {}) =>
      mapped(async () =>
        toJob(
          await sdk.batches.create(
            {
              input_file_id: inputFileId,
              endpoint: '/v1/chat/completions',
              completion_window: '24h',
              metadata: { ...metadata },
            },
            { signal: callOptions.signal },
          ),
        ),
      ),
    retrieveJob: (id, callOptions = {}) =>
      mapped(async () => toJob(await sdk.batches.retrieve(id, { signal: callOptions.signal }))),
    downloadFile: (id, callOptions = {}) =>
      mapped(async () => (await sdk.files.content(id, { signal: callOptions.signal })).text()),
    toResponse: (body) => toResponse(body as ChatCompletion, options.model, where, apiKey),
  };
}
