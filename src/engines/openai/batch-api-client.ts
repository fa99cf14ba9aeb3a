import type { LlmRequest, LlmResponse } from './llm-client.js';

/** One Batch API job as lede follows it. */
export interface BatchJob {
  readonly id: string;
  /** validating, in_progress, finalizing, completed, failed, expired, cancelling, cancelled. */
  readonly status: string;
  readonly outputFileId: string | null;
  readonly errorFileId: string | null;
  readonly requestCounts: { readonly total: number; readonly completed: number; readonly failed: number };
  /** Why the whole job failed (a malformed input file), when it did. */
  readonly errors: readonly string[];
}

/** Job statuses after which nothing changes. */
export const finishedJobStatuses: readonly string[] = ['completed', 'failed', 'expired', 'cancelled'];

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
}

/**
 * The port to a Batch API (OpenAI's `/files` and `/batches`): upload a JSONL file of requests, start a job, follow
 * it, download its output and error files. Beside LlmClient, the other port `lede batch` reaches a model through;
 * `openai-batch-api.ts` implements it, tests may fake it.
 */
export interface BatchApiClient {
  readonly model: string;
  readonly baseUrl: string;
  /** Refuses with LlmError `llm.batch-api-unavailable` when the endpoint has no Batch API. */
  checkAvailable(options?: CallOptions): Promise<void>;
  /** The Chat Completions body of a request, as a request line carries it (the same body a direct call sends). */
  requestBody(request: LlmRequest): Promise<Record<string, unknown>>;
  /** Uploads a JSONL file of request lines (purpose `batch`); returns its file id. */
  uploadRequests(jsonl: string, filename: string, options?: CallOptions): Promise<string>;
  createJob(
    inputFileId: string,
    metadata: Readonly<Record<string, string>>,
    options?: CallOptions,
  ): Promise<BatchJob>;
  retrieveJob(id: string, options?: CallOptions): Promise<BatchJob>;
  downloadFile(id: string, options?: CallOptions): Promise<string>;
  /** A result line's response body (a chat completion) as the answer lede keeps. */
  toResponse(body: unknown): LlmResponse;
}
