import type { LlmClient, LlmRequest } from '../../engines/openai/llm-client.js';
import { cacheKey } from '../../engines/openai/response-cache.js';
import { isLlmErrorCode, LlmError } from '../../errors.js';
import type { StoredAnswer } from './answer-store.js';

/** Hex characters of the request hash that name a request in the Batch API (128 bits). */
export const requestKeyLength = 32;

/** Thrown by the deferred client at the first request it has no answer for; the pipeline stops there. */
export class DeferredCall extends Error {
  readonly key: string;
  readonly request: LlmRequest;
  constructor(key: string, request: LlmRequest) {
    super(`request ${key} waits for a Batch API answer`);
    this.name = 'DeferredCall';
    this.key = key;
    this.request = request;
  }
}

export function requestKey(client: Pick<LlmClient, 'model' | 'baseUrl'>, request: LlmRequest): string {
  return cacheKey(client as LlmClient, request).slice(0, requestKeyLength);
}

/**
 * An LlmClient that answers from Batch API results and defers everything else. Running the real pipeline with it
 * replays every answered call and stops at the first unanswered one, which becomes a line of the next batch: the
 * Batch API run sends exactly the requests a direct run would, one round per pipeline step.
 */
export function createDeferredClient(
  endpoint: { readonly model: string; readonly baseUrl: string },
  answers: ReadonlyMap<string, StoredAnswer>,
): LlmClient {
  const client: LlmClient = {
    model: endpoint.model,
    baseUrl: endpoint.baseUrl,
    async complete(request) {
      const key = requestKey(client, request);
      const answer = answers.get(key);
      if (answer === undefined) throw new DeferredCall(key, request);
      if ('error' in answer) {
        throw new LlmError(
          isLlmErrorCode(answer.error.code) ? answer.error.code : 'llm.batch-request-failed',
          answer.error.message,
          {
            retryable: false,
          },
        );
      }
      return { ...answer.response, cached: false };
    },
  };
  return client;
}
