import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import { type IndustryResult, IndustryResultSchema } from '../posting/posting-analysis.js';

/**
 * An engine's industry as a playbook id: trimmed and lower-cased; one the playbooks do not know becomes general, with
 * its confidence kept and the unknown id named in the signals.
 */
export function knownIndustry(result: IndustryResult, playbooks: PlaybookSet): IndustryResult {
  const value = IndustryResultSchema.parse(result);
  const industry = value.industry.trim().toLowerCase();
  if (playbooks.playbooks.has(industry)) return { ...value, industry };
  return {
    ...value,
    industry: 'general',
    signals: [...value.signals, `unknown industry "${value.industry}"`],
  };
}
