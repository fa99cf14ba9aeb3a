import { z } from 'zod';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { IndustryResult } from './classify-industry.js';
import type { Engine, Metered } from './engine.js';

/** Something specific the company is doing, and the posting's own words for it. */
export const HookSchema = z.object({
  /** A short noun phrase a letter can use: "the real-time fraud platform launching in Europe". */
  text: z.string().min(1),
  /** A verbatim quote from the posting that says so. */
  evidence: z.string().min(1),
});
export type Hook = z.infer<typeof HookSchema>;

/** What stage 2 learns from the posting. */
export const PostingAnalysisSchema = z.object({
  /** The hiring company as the posting names it; null for an agency posting for an unnamed client. */
  company: z.string().min(1).nullable(),
  /** The job title, when the posting gives one. */
  role: z.string().min(1).nullable(),
  /** The hiring manager's name, when the posting gives one (for the greeting). */
  hiringManager: z.string().min(1).nullable(),
  /** Null when the posting names no specific product, project or initiative: never invented praise. */
  hook: HookSchema.nullable(),
  /** Tools and frameworks the posting asks for, by name. */
  requiredTools: z.array(z.string()),
});
export type PostingAnalysis = z.infer<typeof PostingAnalysisSchema>;

export interface ExtractDeps {
  readonly engine: Engine;
  readonly playbooks: PlaybookSet;
  readonly signal?: AbortSignal | undefined;
}

/** Case- and whitespace-insensitive containment: quotes survive line wrapping and curly quotes. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function occursIn(quote: string, text: string): boolean {
  const needle = normalizeForMatch(quote);
  return needle !== '' && normalizeForMatch(text).includes(needle);
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
