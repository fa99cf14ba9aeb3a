import { z } from 'zod';

/** What a stage or a run cost at the model endpoint. The offline engine reports zeros. */
export const UsageSchema = z.object({
  calls: z.number().int().min(0),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  /** Calls answered from the response cache (no tokens spent). */
  cachedCalls: z.number().int().min(0),
  /** The tokens of those calls, counted in the totals above but never paid for; absent when there are none. */
  cachedPromptTokens: z.number().int().min(0).optional(),
  cachedCompletionTokens: z.number().int().min(0).optional(),
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
  let cachedPromptTokens = 0;
  let cachedCompletionTokens = 0;
  for (const item of items) {
    total = {
      calls: total.calls + item.calls,
      promptTokens: total.promptTokens + item.promptTokens,
      completionTokens: total.completionTokens + item.completionTokens,
      cachedCalls: total.cachedCalls + item.cachedCalls,
    };
    cachedPromptTokens += item.cachedPromptTokens ?? 0;
    cachedCompletionTokens += item.cachedCompletionTokens ?? 0;
  }
  return cachedPromptTokens + cachedCompletionTokens === 0
    ? total
    : { ...total, cachedPromptTokens, cachedCompletionTokens };
}

/** The tokens actually paid for: the totals without those of calls answered from the cache. */
export function spentTokens(usage: Usage): { promptTokens: number; completionTokens: number } {
  return {
    promptTokens: usage.promptTokens - (usage.cachedPromptTokens ?? 0),
    completionTokens: usage.completionTokens - (usage.cachedCompletionTokens ?? 0),
  };
}
