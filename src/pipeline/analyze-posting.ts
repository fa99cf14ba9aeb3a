import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import {
  type IndustryResult,
  type PostingAnalysis,
  PostingReadingSchema,
} from '../posting/posting-analysis.js';
import type { ReadingField } from '../posting/reading-checks.js';
import { type CheckedAnalysis, checkAnalysis } from './check-analysis.js';
import type { Engine, PostingSent } from './engine.js';
import { knownIndustry } from './known-industry.js';
import type { Usage } from './usage.js';

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
  /** Force an industry instead of the reading's (already checked against the playbooks). */
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
  readonly refused: CheckedAnalysis['refused'];
  /** Fields the user set. */
  readonly overridden: readonly ReadingField[];
  /** What of the posting the engine's model saw, when it was not the whole text. */
  readonly sent?: PostingSent | undefined;
  /** Clock readings (`deps.now`) before and after reading the posting. */
  readonly clock: { readonly started: number; readonly analyzed: number };
}

/**
 * Stages 1 and 2, as draft, batch, check and classify all run them: one reading of the posting by the engine (one
 * model call on the model path), its industry mapped to a playbook, its fields checked, then the user's overrides.
 */
export async function analyzePosting(
  posting: Posting,
  deps: AnalyzeDeps,
  overrides: AnalyzeOverrides = {},
): Promise<AnalyzedPosting> {
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const read = await deps.engine.readPosting(posting, deps.playbooks, { signal: deps.signal });
  const analyzed = now();
  const reading = PostingReadingSchema.parse(read.value);
  const industry =
    overrides.industry === undefined
      ? knownIndustry(reading.industry, deps.playbooks)
      : { industry: overrides.industry, confidence: 1, signals: ['--industry'] };
  const checked = checkAnalysis(reading.analysis, posting, {
    engine: deps.engine.name,
    playbooks: deps.playbooks,
  });
  const overridden = (['company', 'hook', 'role', 'hiringManager'] as const).filter(
    (field) => overrides[field] !== undefined,
  );
  const hook =
    overrides.hook === undefined ? checked.value.hook : { text: overrides.hook, evidence: overrides.hook };
  return {
    industry,
    analysis: {
      ...checked.value,
      company: overrides.company ?? checked.value.company,
      role: overrides.role ?? checked.value.role,
      hiringManager: overrides.hiringManager ?? checked.value.hiringManager,
      hook,
    },
    refused: checked.refused.filter((refusal) => !overridden.includes(refusal.field)),
    overridden,
    usage: read.usage,
    ...(read.sent === undefined ? {} : { sent: read.sent }),
    clock: { started, analyzed },
  };
}
