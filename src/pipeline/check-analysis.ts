import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import { findHook } from '../posting/find-hook.js';
import type { Posting } from '../posting/posting.js';
import { type PostingAnalysis, PostingAnalysisSchema } from '../posting/posting-analysis.js';
import { checkReading, type RefusedField } from '../posting/reading-checks.js';
import type { Engine } from './engine.js';

/** The checked analysis, and the fields it refused (each with what replaced it). */
export interface CheckedAnalysis {
  readonly value: PostingAnalysis;
  readonly refused: readonly (RefusedField & { readonly replacement: string | null })[];
}

export interface CheckAnalysisDeps {
  /** Which engine read the posting: only a model's refused fields are replaced by the offline reading. */
  readonly engine: Engine['name'];
  readonly playbooks: PlaybookSet;
}

/**
 * Enforces the analysis contract for every engine (`checkReading`): names found in the posting, on one line, short,
 * not instructions; an employer that is a plausible name; hook evidence quoted verbatim. A model's field that fails
 * is replaced by the offline reading of the same field (when that one passes), and the report says so; a model's
 * guess never reaches a letter.
 */
export function checkAnalysis(
  analysis: PostingAnalysis,
  posting: Posting,
  deps: CheckAnalysisDeps,
): CheckedAnalysis {
  const checked = checkReading(PostingAnalysisSchema.parse(analysis), posting);
  const fields: PostingAnalysis = { ...checked.analysis };
  let offline: PostingAnalysis | undefined;
  const refused = checked.refused.map((field) => {
    if (deps.engine === 'offline') return { ...field, replacement: null };
    offline ??= checkReading(findHook(posting, deps.playbooks), posting).analysis;
    if (field.field === 'hook') {
      fields.hook = offline.hook;
      return { ...field, replacement: offline.hook?.text ?? null };
    }
    fields[field.field] = offline[field.field];
    return { ...field, replacement: offline[field.field] };
  });
  const seen = new Set<string>();
  const requiredTools = fields.requiredTools.filter((tool) => {
    const key = tool.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { value: { ...fields, requiredTools }, refused };
}
