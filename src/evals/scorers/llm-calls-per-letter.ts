import { createScorer } from '../scorer.js';

/** Model calls per letter (classify, hook, drafts, repairs); zero for the offline engine. */
export const llmCallsPerLetter = createScorer({
  name: 'llm-calls-per-letter',
  description:
    'model calls per letter, repairs and retries included (cache hits count; the offline engine makes none)',
  kind: 'measure',
  better: 'lower',
  unit: 'calls',
  binary: false,
  tolerance: { absolute: 0.1, relative: 0.1 },
  score: (_evalCase, result) => result.usage.calls,
});
