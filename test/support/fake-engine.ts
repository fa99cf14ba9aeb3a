import type { Draft, DraftRequest, Engine, RevisionRequest } from '../../src/pipeline/engine.js';
import { noUsage, type Usage } from '../../src/pipeline/usage.js';
import type { IndustryResult, PostingAnalysis } from '../../src/posting/posting-analysis.js';

export interface FakeEngineScript {
  industry?: IndustryResult;
  analysis?: PostingAnalysis;
  /** Letters returned by draftLetter then each reviseLetter, in order; the last repeats. */
  letters: string[];
  usedFactIds?: string[];
  usage?: Usage;
  /** Default `offline`; `openai` plays a model engine, whose reading `--analysis` may skip. */
  name?: Engine['name'];
}

/** An Engine that answers from a script and records every call, for stage and pipeline tests. */
export function createFakeEngine(script: FakeEngineScript): Engine & {
  calls: { stage: string; request?: DraftRequest | RevisionRequest }[];
} {
  const calls: { stage: string; request?: DraftRequest | RevisionRequest }[] = [];
  const usage = script.usage ?? noUsage;
  let letterIndex = 0;
  const nextDraft = (): Draft => {
    const letter = script.letters[Math.min(letterIndex, script.letters.length - 1)] ?? '';
    letterIndex++;
    return { letter, usedFactIds: script.usedFactIds ?? [] };
  };
  return {
    name: script.name ?? 'offline',
    model: 'fake',
    calls,
    async readPosting() {
      calls.push({ stage: 'analyze' });
      return {
        value: {
          industry: script.industry ?? { industry: 'tech', confidence: 0.9, signals: ['saas'] },
          analysis: script.analysis ?? {
            company: null,
            role: null,
            hiringManager: null,
            hook: null,
            requiredTools: [],
          },
        },
        usage,
      };
    },
    async draftLetter(request) {
      calls.push({ stage: 'draft', request });
      return { value: nextDraft(), usage };
    },
    async reviseLetter(request) {
      calls.push({ stage: 'revise', request });
      return { value: nextDraft(), usage };
    },
  };
}
