import { describe, expect, it } from 'vitest';
import { addUsage, noUsage, spentTokens } from '../../src/pipeline/usage.js';

const paid = { calls: 1, promptTokens: 1000, completionTokens: 200, cachedCalls: 0 };
const cached = {
  calls: 1,
  promptTokens: 900,
  completionTokens: 100,
  cachedCalls: 1,
  cachedPromptTokens: 900,
  cachedCompletionTokens: 100,
};

describe('usage', () => {
  it('sums calls and tokens, and keeps the tokens of cached calls apart only when there are some', () => {
    expect(addUsage(paid, paid)).toEqual({
      calls: 2,
      promptTokens: 2000,
      completionTokens: 400,
      cachedCalls: 0,
    });
    expect(Object.keys(addUsage(paid, paid))).not.toContain('cachedPromptTokens');
    expect(addUsage(paid, cached)).toEqual({
      calls: 2,
      promptTokens: 1900,
      completionTokens: 300,
      cachedCalls: 1,
      cachedPromptTokens: 900,
      cachedCompletionTokens: 100,
    });
  });

  it('prices only the tokens paid for: a cached call costs nothing', () => {
    expect(spentTokens(addUsage(paid, cached))).toEqual({ promptTokens: 1000, completionTokens: 200 });
    expect(spentTokens(cached)).toEqual({ promptTokens: 0, completionTokens: 0 });
    expect(spentTokens(noUsage)).toEqual({ promptTokens: 0, completionTokens: 0 });
  });
});
