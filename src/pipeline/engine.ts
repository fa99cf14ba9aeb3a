import { z } from 'zod';
import type { Critique, Finding } from '../critic/finding.js';
import type { Playbook, PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Posting } from '../posting/posting.js';
import type { IndustryResult, PostingAnalysis, PostingReading } from '../posting/posting-analysis.js';
import type { Profile } from '../profile/profile-schema.js';
import type { Usage } from './usage.js';

/** A letter and the profile facts (achievement and project ids) it cites. */
export const DraftSchema = z.object({
  letter: z.string().min(1),
  usedFactIds: z.array(z.string()),
});
export type Draft = z.infer<typeof DraftSchema>;

/** A stage's output with what it cost. */
export interface Metered<T> {
  readonly value: T;
  readonly usage: Usage;
}

/** How much of the posting an engine sent to its model, when it sent less than the whole text. */
export const PostingSentSchema = z.object({
  words: z.number().int().min(0),
  totalWords: z.number().int().min(0),
  /** Sentences left out as benefits, equal-opportunity, legal or careers-page text. */
  boilerplateDropped: z.number().int().min(0),
  /** Sentences left out to keep the prompt within its budget. */
  cutForBudget: z.number().int().min(0),
});
export type PostingSent = z.infer<typeof PostingSentSchema>;

/** The reading of a posting, what it cost, and what of the posting the model saw. */
export interface ReadPostingResult extends Metered<PostingReading> {
  readonly sent?: PostingSent | undefined;
}

/** A first draft, what it cost, and what of the posting the model saw when it was not the whole text. */
export interface DraftResult extends Metered<Draft> {
  readonly sent?: PostingSent | undefined;
}

/** Everything a drafter needs: the posting, what was learned from it, the candidate and the industry's playbook. */
export interface DraftRequest {
  readonly posting: Posting;
  readonly profile: Profile;
  readonly industry: IndustryResult;
  readonly analysis: PostingAnalysis;
  readonly playbook: Playbook;
  readonly playbooks: PlaybookSet;
  readonly maxWords: number;
  /** The language to write the letter in when it is not English ("German"): the posting's, unless `--language en`. */
  readonly language?: string | undefined;
  /**
   * The pipeline's critic for this letter (same rules, same context), for an engine that checks its own candidates
   * before answering. It remembers its verdicts, so the pipeline does not check the chosen letter twice.
   */
  readonly critique?: ((letter: string) => Critique) | undefined;
}

/** A revision: the draft request again, the last draft, and only the findings to fix. */
export interface RevisionRequest extends DraftRequest {
  readonly previous: Draft;
  readonly findings: readonly Finding[];
  /** 2 for the first revision. */
  readonly attempt: number;
}

export interface EngineCallOptions {
  readonly signal?: AbortSignal | undefined;
}

/**
 * The seam between the pipeline and whatever writes the text: the offline engine (deterministic, no network) or an
 * LLM behind an OpenAI-compatible endpoint. Stage functions in `src/pipeline/` call these and enforce the contracts
 * (known industry, verbatim hook evidence, ...) the same way for both.
 */
export interface Engine {
  readonly name: 'offline' | 'openai';
  /** The model id, or "offline" for the offline engine. */
  readonly model: string;
  /**
   * The posting's industry and analysis (company, role, hiring manager, hook, tools) in one answer: one model call on
   * the model path, skipped when `--analysis` lets the offline reading stand (`analyze-posting.ts`).
   */
  readPosting(
    posting: Posting,
    playbooks: PlaybookSet,
    options?: EngineCallOptions,
  ): Promise<ReadPostingResult>;
  draftLetter(request: DraftRequest, options?: EngineCallOptions): Promise<DraftResult>;
  reviseLetter(request: RevisionRequest, options?: EngineCallOptions): Promise<Metered<Draft>>;
}
