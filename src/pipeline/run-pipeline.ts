import { z } from 'zod';
import type { AnalysisMode } from '../config/analysis-modes.js';
import type { LetterLanguage } from '../config/letter-languages.js';
import { critiqueLetter } from '../critic/critique-letter.js';
import type { Critique } from '../critic/finding.js';
import { ClaimSchema, groundClaims } from '../critic/ground-claims.js';
import type { Rule } from '../critic/rule.js';
import { playbookFor } from '../playbooks/load-playbooks.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import { IndustryResultSchema, PostingAnalysisSchema } from '../posting/posting-analysis.js';
import type { Profile } from '../profile/profile-schema.js';
import { type AnalyzeOverrides, analyzePosting, ReadingSourceSchema } from './analyze-posting.js';
import { criticContextFor } from './critic-context.js';
import { draftLetter } from './draft-letter.js';
import { type DraftRequest, type Engine, PostingSentSchema } from './engine.js';
import { profileRelevance } from './fact-relevance.js';
import {
  AttemptSchema,
  LetterStatusSchema,
  RevisionStopSchema,
  reviseUntilPassing,
} from './revise-letter.js';
import { addUsage, UsageSchema } from './usage.js';

/** Everything one run of the pipeline produced, for the letter's report, the batch summary and the eval. */
export const PipelineResultSchema = z.object({
  source: z.string(),
  engine: z.enum(['offline', 'openai']),
  model: z.string(),
  industry: IndustryResultSchema,
  analysis: PostingAnalysisSchema,
  /** The best attempt's letter. */
  letter: z.string(),
  usedFactIds: z.array(z.string()),
  /** The fact the letter opens with, and the posting's words it matches (`fact-relevance.ts`); none for no fact. */
  lead: z
    .object({
      factId: z.string(),
      matched: z.array(z.string()),
      /** 1 when no fact of the profile matches the posting better. */
      rank: z.number().int().min(1),
    })
    .optional(),
  /**
   * Every number, employer and tool the letter claims, with the profile field or posting words behind it (offsets
   * index `letter`); for the review page. Absent from results written before it was recorded.
   */
  claims: z.array(ClaimSchema).optional(),
  status: LetterStatusSchema,
  /** The attempt number of the letter above. */
  bestAttempt: z.number().int().min(1),
  attempts: z.array(AttemptSchema),
  /** Only when revising stopped early because the next request would have repeated an earlier one. */
  revisionStopped: RevisionStopSchema.optional(),
  usage: UsageSchema,
  /** What of the posting the model was sent, when boilerplate was left out or the text was cut to its budget. */
  postingSent: PostingSentSchema.optional(),
  /** Who read the posting (the model, or the offline reader at no call) and why; absent from older results. */
  readingSource: ReadingSourceSchema.optional(),
  /** Only when there is something to say: reading fields lede refused (and what replaced them), fields the user set. */
  reading: z
    .object({
      refused: z.array(
        z.object({
          field: z.string(),
          value: z.string(),
          reason: z.string(),
          replacement: z.string().nullable(),
        }),
      ),
      overridden: z.array(z.string()),
    })
    .optional(),
  timings: z.object({
    /** Reading the posting: industry and analysis, one engine call or none. */
    analyzeMs: z.number(),
    draftMs: z.number(),
    reviseMs: z.number(),
    totalMs: z.number(),
  }),
});
export type PipelineResult = z.infer<typeof PipelineResultSchema>;

export interface PipelineOptions {
  /** Attempts in all, the first draft included (`--max-attempts`, default 3). */
  readonly maxAttempts: number;
  /** Body word limit (`--max-words`, default 250). */
  readonly maxWords: number;
  /** What the user set instead of the reader: `--industry`, `--company`, `--hook`, `--role`, `--hiring-manager`. */
  readonly overrides?: AnalyzeOverrides | undefined;
  /** Who reads the posting on the model path (`--analysis`, default `auto`); ignored by the offline engine. */
  readonly analysis?: AnalysisMode | undefined;
  /** The letter's language on the model path (`--language`, default `posting`: the posting's own). */
  readonly language?: LetterLanguage | undefined;
}

export interface PipelineDeps {
  readonly engine: Engine;
  readonly playbooks: PlaybookSet;
  readonly signal?: AbortSignal | undefined;
  readonly now?: () => number;
  /** The rules to check; all of them by default. */
  readonly rules?: readonly Rule[] | undefined;
}

export const defaultPipelineOptions: PipelineOptions = { maxAttempts: 3, maxWords: 250 };

/** analyse (industry and reading, one engine call or none) -> draft -> critique -> revise, for one posting and one profile. */
export async function runPipeline(
  posting: Posting,
  profile: Profile,
  deps: PipelineDeps,
  options: PipelineOptions = defaultPipelineOptions,
): Promise<PipelineResult> {
  const now = deps.now ?? (() => performance.now());
  const analyzed = await analyzePosting(
    posting,
    { engine: deps.engine, playbooks: deps.playbooks, signal: deps.signal, now, analysis: options.analysis },
    options.overrides,
  );
  const { started, analyzed: afterAnalyze } = analyzed.clock;

  const playbook = playbookFor(deps.playbooks, analyzed.industry.industry);
  // A posting in another language gets a letter in it, unless `--language en`; the offline engine refused it above.
  const language = options.language === 'en' ? undefined : posting.language;
  const context = criticContextFor({
    playbook,
    playbooks: deps.playbooks,
    posting,
    analysis: analyzed.analysis,
    profile,
    maxWords: options.maxWords,
    language,
  });
  // The critic is pure: one verdict per letter text serves the engine's own checks and the revise loop alike.
  const verdicts = new Map<string, Critique>();
  const critique = (letter: string): Critique => {
    let verdict = verdicts.get(letter);
    if (verdict === undefined) {
      verdict = critiqueLetter(letter, context, deps.rules);
      verdicts.set(letter, verdict);
    }
    return verdict;
  };
  const request: DraftRequest = {
    posting,
    profile,
    industry: analyzed.industry,
    analysis: analyzed.analysis,
    playbook,
    playbooks: deps.playbooks,
    maxWords: options.maxWords,
    ...(language === undefined ? {} : { language }),
    critique,
  };
  deps.signal?.throwIfAborted();
  const first = await draftLetter(request, { engine: deps.engine, signal: deps.signal });
  const afterDraft = now();

  const outcome = await reviseUntilPassing(request, first, afterDraft - afterAnalyze, {
    engine: deps.engine,
    critique,
    maxAttempts: options.maxAttempts,
    signal: deps.signal,
    now,
  });
  const finished = now();
  const lead = leadOf(outcome.best.draft.usedFactIds[0], request);
  const postingSent = analyzed.sent ?? first.sent;

  return {
    source: posting.source,
    engine: deps.engine.name,
    model: deps.engine.model,
    industry: analyzed.industry,
    analysis: analyzed.analysis,
    letter: outcome.best.draft.letter,
    usedFactIds: outcome.best.draft.usedFactIds,
    ...(lead === undefined ? {} : { lead }),
    claims: groundClaims(outcome.best.draft.letter, context, outcome.best.draft.usedFactIds),
    status: outcome.status,
    bestAttempt: outcome.best.attempt,
    attempts: [...outcome.attempts],
    ...(outcome.stopped === undefined ? {} : { revisionStopped: outcome.stopped }),
    usage: addUsage(analyzed.usage, ...outcome.attempts.map((attempt) => attempt.usage)),
    // The analysis call's view of the posting, or the letter call's when no model read it.
    ...(postingSent === undefined ? {} : { postingSent }),
    readingSource: analyzed.source,
    ...(analyzed.refused.length === 0 && analyzed.overridden.length === 0
      ? {}
      : { reading: { refused: [...analyzed.refused], overridden: [...analyzed.overridden] } }),
    timings: {
      analyzeMs: afterAnalyze - started,
      draftMs: afterDraft - afterAnalyze,
      reviseMs: finished - afterDraft,
      totalMs: finished - started,
    },
  };
}

/** Why the letter opens with the fact it does: the posting's words it shares, and how it ranks among the profile's. */
function leadOf(factId: string | undefined, request: DraftRequest): PipelineResult['lead'] {
  if (factId === undefined) return undefined;
  const ranked = profileRelevance(
    request.profile,
    request.posting.text,
    request.analysis,
    request.playbooks.common,
  );
  const index = ranked.findIndex((entry) => entry.factId === factId);
  if (index < 0) return undefined;
  return { factId, matched: [...(ranked[index]?.matched ?? [])], rank: index + 1 };
}
