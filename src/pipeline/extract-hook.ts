import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import {
  type IndustryResult,
  type PostingAnalysis,
  PostingAnalysisSchema,
} from '../posting/posting-analysis.js';
import { occursIn } from '../text/verbatim.js';
import type { Engine, Metered } from './engine.js';

export interface ExtractDeps {
  readonly engine: Engine;
  readonly playbooks: PlaybookSet;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Stage 2. Enforces the contract for every engine: the hook's evidence must occur verbatim in the posting and the
 * company must be named there, or they are dropped; a model's guess never reaches a letter.
 */
export async function extractHook(
  posting: Posting,
  industry: IndustryResult,
  deps: ExtractDeps,
): Promise<Metered<PostingAnalysis>> {
  const result = await deps.engine.extractHook(posting, industry, deps.playbooks, { signal: deps.signal });
  const value = PostingAnalysisSchema.parse(result.value);
  const company =
    value.company !== null && occursIn(value.company, posting.text) ? value.company.trim() : null;
  const hook = value.hook !== null && occursIn(value.hook.evidence, posting.text) ? value.hook : null;
  const hiringManager =
    value.hiringManager !== null && occursIn(value.hiringManager, posting.text) ? value.hiringManager : null;
  const seen = new Set<string>();
  const requiredTools = value.requiredTools.filter((tool) => {
    const key = tool.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { value: { ...value, company, hook, hiringManager, requiredTools }, usage: result.usage };
}
