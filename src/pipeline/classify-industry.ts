import { z } from 'zod';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { Engine, EngineCallOptions, Metered } from './engine.js';

/** The hiring company's industry: what its business is, not what the role does. */
export const IndustryResultSchema = z.object({
  /** A playbook id: tech, finance, retail, general, or one a user added. */
  industry: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** The words or facts in the posting that decided it. */
  signals: z.array(z.string()),
});
export type IndustryResult = z.infer<typeof IndustryResultSchema>;

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
