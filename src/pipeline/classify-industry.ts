import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import { type IndustryResult, IndustryResultSchema } from '../posting/posting-analysis.js';
import type { Engine, EngineCallOptions, Metered } from './engine.js';

export interface ClassifyDeps {
  readonly engine: Engine;
  readonly playbooks: PlaybookSet;
  readonly signal?: AbortSignal | undefined;
}

/** Stage 1. An industry the playbooks do not know becomes general, with its confidence kept. */
export async function classifyIndustry(
  posting: Posting,
  deps: ClassifyDeps,
): Promise<Metered<IndustryResult>> {
  const options: EngineCallOptions = { signal: deps.signal };
  const result = await deps.engine.classifyIndustry(posting, deps.playbooks, options);
  const value = IndustryResultSchema.parse(result.value);
  const industry = value.industry.trim().toLowerCase();
  if (deps.playbooks.playbooks.has(industry)) return { value: { ...value, industry }, usage: result.usage };
  return {
    value: {
      ...value,
      industry: 'general',
      signals: [...value.signals, `unknown industry "${value.industry}"`],
    },
    usage: result.usage,
  };
}
