import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { IndustryResult, PostingAnalysis } from '../posting/posting-analysis.js';
import type { ReadingField } from '../posting/reading-checks.js';
import { classifyIndustry } from './classify-industry.js';
import type { Engine } from './engine.js';
import { type ExtractedReading, extractHook } from './extract-hook.js';
import { addUsage, type Usage } from './usage.js';

export interface AnalyzeDeps {
  readonly engine: Engine;
  readonly playbooks: PlaybookSet;
  readonly signal?: AbortSignal | undefined;
  readonly now?: (() => number) | undefined;
}

/**
 * What the user decided instead of the reader (`--industry`, `--company`, `--hook`, `--role`, `--hiring-manager`, or
 * a batch posting's `<name>.lede.yaml`), already checked by the caller.
 */
export interface AnalyzeOverrides {
  /** Force an industry instead of classifying (already checked against the playbooks). */
  readonly industry?: string | undefined;
  readonly company?: string | undefined;
  /** A product, project or initiative, in the user's words: used as the hook's text and its evidence. */
  readonly hook?: string | undefined;
  readonly role?: string | undefined;
  readonly hiringManager?: string | undefined;
}

/** The posting as the pipeline understands it: its industry and what was extracted from it, with their cost. */
export interface AnalyzedPosting {
  readonly industry: IndustryResult;
  readonly analysis: PostingAnalysis;
  readonly usage: Usage;
  /** Fields of the reading that failed its checks, and what replaced them. */
  readonly refused: ExtractedReading['refused'];
  /** Fields the user set. */
  readonly overridden: readonly ReadingField[];
  /** Clock readings (`deps.now`) before classifying, after classifying and after extracting. */
  readonly clock: { readonly started: number; readonly classified: number; readonly extracted: number };
}

/** Stages 1 and 2, as draft, batch, check and classify all run them: classify (unless overridden), then extract. */
export async function analyzePosting(
  posting: Posting,
  deps: AnalyzeDeps,
  overrides: AnalyzeOverrides = {},
): Promise<AnalyzedPosting> {
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const stageDeps = { engine: deps.engine, playbooks: deps.playbooks, signal: deps.signal };
  const classified =
    overrides.industry === undefined
      ? await classifyIndustry(posting, stageDeps)
      : {
          value: { industry: overrides.industry, confidence: 1, signals: ['--industry'] },
          usage: addUsage(),
        };
  const afterClassify = now();
  const extracted = await extractHook(posting, classified.value, stageDeps);
  const afterExtract = now();
  const overridden = (['company', 'hook', 'role', 'hiringManager'] as const).filter(
    (field) => overrides[field] !== undefined,
  );
  const hook =
    overrides.hook === undefined ? extracted.value.hook : { text: overrides.hook, evidence: overrides.hook };
  return {
    industry: classified.value,
    analysis: {
      ...extracted.value,
      company: overrides.company ?? extracted.value.company,
      role: overrides.role ?? extracted.value.role,
      hiringManager: overrides.hiringManager ?? extracted.value.hiringManager,
      hook,
    },
    refused: extracted.refused.filter((refusal) => !overridden.includes(refusal.field)),
    overridden,
    usage: addUsage(classified.usage, extracted.usage),
    clock: { started, classified: afterClassify, extracted: afterExtract },
  };
}
