import { z } from 'zod';
import type { AnalysisMode } from '../config/analysis-modes.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import { findHook } from '../posting/find-hook.js';
import { classifyIndustryOffline } from '../posting/find-industry.js';
import type { Posting } from '../posting/posting.js';
import {
  type IndustryResult,
  type PostingAnalysis,
  type PostingReading,
  PostingReadingSchema,
} from '../posting/posting-analysis.js';
import { checkReading, type ReadingField } from '../posting/reading-checks.js';
import { readingConfidence } from '../posting/reading-confidence.js';
import { requireEnglish } from '../posting/require-english.js';
import { type CheckedAnalysis, checkAnalysis } from './check-analysis.js';
import type { Engine, PostingSent, ReadPostingResult } from './engine.js';
import { knownIndustry } from './known-industry.js';
import { noUsage, type Usage } from './usage.js';

/** Which reading a letter was built on, and why: the report and the result JSON say it. */
export const ReadingSourceSchema = z.object({
  /** `model`: the engine's model read the posting (one call); `offline`: the heuristic reader did, no call. */
  by: z.enum(['model', 'offline']),
  reason: z.string(),
});
export type ReadingSource = z.infer<typeof ReadingSourceSchema>;

export interface AnalyzeDeps {
  readonly engine: Engine;
  readonly playbooks: PlaybookSet;
  readonly signal?: AbortSignal | undefined;
  readonly now?: (() => number) | undefined;
  /**
   * Who reads the posting when the engine has a model (`--analysis`, default `auto`); the offline engine always reads
   * it itself.
   */
  readonly analysis?: AnalysisMode | undefined;
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
  readonly source: ReadingSource;
  /** Clock readings (`deps.now`) before and after reading the posting. */
  readonly clock: { readonly started: number; readonly analyzed: number };
}

/**
 * Stages 1 and 2, as draft, batch, check and classify all run them: one reading of the posting (on the model path one
 * model call, or none when `--analysis` lets the offline reading stand), its industry mapped to a playbook, its fields
 * checked, then the user's overrides.
 */
export async function analyzePosting(
  posting: Posting,
  deps: AnalyzeDeps,
  overrides: AnalyzeOverrides = {},
): Promise<AnalyzedPosting> {
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const { read, source } = await readWith(posting, deps, overrides);
  const analyzed = now();
  const reading = PostingReadingSchema.parse(read.value);
  const industry =
    overrides.industry === undefined
      ? knownIndustry(reading.industry, deps.playbooks)
      : forcedIndustry(overrides.industry);
  const checked = checkAnalysis(reading.analysis, posting, {
    engine: source.by === 'model' ? deps.engine.name : 'offline',
    playbooks: deps.playbooks,
  });
  const overridden = (['company', 'hook', 'role', 'hiringManager'] as const).filter(
    (field) => overrides[field] !== undefined,
  );
  return {
    industry,
    analysis: withOverrides(checked.value, overrides),
    refused: checked.refused.filter((refusal) => !overridden.includes(refusal.field)),
    overridden,
    usage: read.usage,
    ...(read.sent === undefined ? {} : { sent: read.sent }),
    source,
    clock: { started, analyzed },
  };
}

/** The reading with the fields the user set in place of the reader's (a hook in the user's words is its own evidence). */
function withOverrides(analysis: PostingAnalysis, overrides: AnalyzeOverrides): PostingAnalysis {
  return {
    ...analysis,
    company: overrides.company ?? analysis.company,
    role: overrides.role ?? analysis.role,
    hiringManager: overrides.hiringManager ?? analysis.hiringManager,
    hook: overrides.hook === undefined ? analysis.hook : { text: overrides.hook, evidence: overrides.hook },
  };
}

/** An industry the user set (`--industry`): certain, and said to be theirs. */
function forcedIndustry(industry: string): IndustryResult {
  return { industry, confidence: 1, signals: ['--industry'] };
}

/** The heuristic reader's industry and analysis: what the offline engine answers, here for the model path. */
function offlineReading(posting: Posting, playbooks: PlaybookSet): PostingReading {
  return {
    industry: classifyIndustryOffline(posting, playbooks),
    analysis: findHook(posting, playbooks),
  };
}

/**
 * One reading of the posting, by the engine's model or by the offline reader, as `--analysis` says. In `auto` the
 * offline reading is judged with the user's corrections applied (`readingConfidence`); a confident one costs no call.
 */
async function readWith(
  posting: Posting,
  deps: AnalyzeDeps,
  overrides: AnalyzeOverrides,
): Promise<{ read: ReadPostingResult; source: ReadingSource }> {
  const mode = deps.analysis ?? 'auto';
  const byModel = async (reason: string) => ({
    read: await deps.engine.readPosting(posting, deps.playbooks, { signal: deps.signal }),
    source: { by: 'model', reason } as const,
  });
  if (deps.engine.name === 'offline')
    return {
      read: await deps.engine.readPosting(posting, deps.playbooks, { signal: deps.signal }),
      source: { by: 'offline', reason: 'the offline engine reads postings itself' },
    };
  if (mode === 'model') return byModel('--analysis model');
  if (posting.language !== undefined) {
    if (mode === 'offline') requireEnglish(posting);
    return byModel(`the posting is in ${posting.language}, and the offline reader reads English only`);
  }
  deps.signal?.throwIfAborted();
  const offline = offlineReading(posting, deps.playbooks);
  const read = { value: offline, usage: noUsage };
  if (mode === 'offline') return { read, source: { by: 'offline', reason: '--analysis offline' } };
  const checked = checkReading(offline.analysis, posting);
  const corrected: PostingReading = {
    industry: overrides.industry === undefined ? offline.industry : forcedIndustry(overrides.industry),
    analysis: withOverrides(checked.analysis, overrides),
  };
  const refused = checked.refused.filter((field) => overrides[field.field] === undefined);
  const confidence = readingConfidence(corrected, refused);
  if (confidence.confident)
    return {
      read,
      source: {
        by: 'offline',
        reason: `the offline reading was confident: ${confidence.reasons.join('; ')}`,
      },
    };
  return byModel(`the offline reading was not confident: ${confidence.reasons.join('; ')}`);
}
