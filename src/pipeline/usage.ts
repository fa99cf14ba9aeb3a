import { z } from 'zod';

/** What a stage or a run cost at the model endpoint. The offline engine reports zeros. */
export const UsageSchema = z.object({
  calls: z.number().int().min(0),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  /** Calls answered from the response cache (no tokens spent). */
  cachedCalls: z.number().int().min(0),
});
export type Usage = z.infer<typeof UsageSchema>;

export const noUsage: Usage = Object.freeze({
  calls: 0,
  promptTokens: 0,
  completionTokens: 0,
  cachedCalls: 0,
});

export function addUsage(...items: readonly Usage[]): Usage {
  let total = noUsage;
  for (const item of items) {
    total = {
      calls: total.calls + item.calls,
      promptTokens: total.promptTokens + item.promptTokens,
      completionTokens: total.completionTokens + item.completionTokens,
      cachedCalls: total.cachedCalls + item.cachedCalls,
    };
  }
  return total;
}
