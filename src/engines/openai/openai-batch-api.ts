import { toFile } from 'openai';
import type { Batch } from 'openai/resources/batches';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { BatchApiClient, BatchJob } from './batch-api-client.js';
import { buildBody, firstAdaptations, type JsonMode } from './chat-body.js';
import { toResponse } from './chat-response.js';
import type { EndpointOptions } from './endpoint-options.js';
import { createOpenAiSdk } from './openai-sdk.js';
import { toBatchApiProbeError, toLlmError } from './to-llm-error.js';

/** The chat client's endpoint settings: Batch API jobs go to the same endpoint with the same request bodies. */
export interface OpenAiBatchApiOptions extends Omit<EndpointOptions, 'headers'> {
  readonly jsonMode?: JsonMode | undefined;
}

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
 * The Batch API over OpenAI's files and batches endpoints: a different surface (uploads, jobs, file downloads) from
 * the chat completions the LlmClient port covers, on the same SDK client, errors and request bodies, so a batched
 * request is exactly the one a direct call would send.
 */
export function createOpenAiBatchApi(options: OpenAiBatchApiOptions): BatchApiClient {
  const { sdk, endpoint } = createOpenAiSdk(options);
  const mapped = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toLlmError(error, endpoint);
    }
  };

  return {
    model: options.model,
    baseUrl: endpoint.baseUrl,
    async checkAvailable(callOptions = {}) {
      try {
        await sdk.batches.list({ limit: 1 }, { signal: callOptions.signal });
      } catch (error) {
        throw toBatchApiProbeError(error, endpoint);
      }
    },
    requestBody: async (request) =>
      (await buildBody(options.model, request, firstAdaptations(options.jsonMode))) as unknown as Record<
        string,
        unknown
      >,
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
    toResponse: (body) => toResponse(body as ChatCompletion, endpoint),
  };
}
