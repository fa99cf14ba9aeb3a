import { z } from 'zod';

/**
 * An answer as lede stores it on disk: a response cache entry's `response`, and a Batch API answer in
 * `batch-api/answers.jsonl`. The LlmResponse without `cached`, which says where an answer came from, not what it is.
 */
export const StoredResponseSchema = z.object({
  content: z.string(),
  finishReason: z.string(),
  refusal: z.string().nullable(),
  model: z.string(),
  promptTokens: z.number(),
  completionTokens: z.number(),
});
export type StoredResponse = z.infer<typeof StoredResponseSchema>;
