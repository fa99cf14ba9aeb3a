import { z } from 'zod';
import type { AnalysisMode } from '../config/analysis-modes.js';
import { leanPostingTokens } from '../posting/lean-posting.js';
import { costOf, type ModelPrice, type PriceTable, priceFor } from './price-table.js';

/** Characters a stage sends besides the posting (instructions, playbook, schema), roughly. */
export const stageOverheadChars = { analyze: 4000, draft: 6000, revise: 7000 } as const;

/** Typical completion tokens per stage: a short JSON answer, or a ~250-word letter in JSON. */
export const stageOutputTokens = { analyze: 400, draft: 500, revise: 500 } as const;

export const TokenEstimateSchema = z.object({
  calls: z.number().int().min(0),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
});
export type TokenEstimate = z.infer<typeof TokenEstimateSchema>;

/** One posting's likely cost: `low` when the first draft passes, `high` when every attempt is used. */
export interface PostingEstimate {
  readonly low: TokenEstimate;
  readonly high: TokenEstimate;
}

const tokensOf = (chars: number): number => Math.ceil(chars / 4);

/**
 * Estimates one posting's calls and tokens: the analysis (industry and reading in one call) and the draft, plus up to
 * `maxAttempts - 1` revisions (tokens are input characters / 4). With `--analysis auto` the analysis call is made only
 * when the offline reading is not confident, so it counts at the high end only; with `offline`, never. An estimate for
 * budgeting, not a bill: the summary reports what was spent.
 */
export function estimatePosting(
  postingChars: number,
  profileChars: number,
  maxAttempts: number,
  analysis: AnalysisMode = 'model',
): PostingEstimate {
  // A call carries the posting up to its budget (boilerplate is left out first): a long posting costs no more.
  const analysisChars = Math.min(postingChars, leanPostingTokens.analysis * 4);
  const letterChars = Math.min(postingChars, leanPostingTokens.letter * 4);
  const analyze = tokensOf(analysisChars + stageOverheadChars.analyze);
  const draft = tokensOf(letterChars + profileChars + stageOverheadChars.draft);
  const revise = tokensOf(letterChars + profileChars + stageOverheadChars.revise) + stageOutputTokens.draft;
  const reading: TokenEstimate = {
    calls: 1,
    promptTokens: analyze,
    completionTokens: stageOutputTokens.analyze,
  };
  const letter: TokenEstimate = { calls: 1, promptTokens: draft, completionTokens: stageOutputTokens.draft };
  const revisions = Math.max(0, maxAttempts - 1);
  const revising: TokenEstimate = {
    calls: revisions,
    promptTokens: revisions * revise,
    completionTokens: revisions * stageOutputTokens.revise,
  };
  return {
    low: analysis === 'model' ? addEstimates(reading, letter) : letter,
    high: analysis === 'offline' ? addEstimates(letter, revising) : addEstimates(reading, letter, revising),
  };
}

export function addEstimates(...items: readonly TokenEstimate[]): TokenEstimate {
  return items.reduce(
    (total, item) => ({
      calls: total.calls + item.calls,
      promptTokens: total.promptTokens + item.promptTokens,
      completionTokens: total.completionTokens + item.completionTokens,
    }),
    { calls: 0, promptTokens: 0, completionTokens: 0 },
  );
}

export const ModelCostSchema = z.object({
  model: z.string(),
  /** Null when the price table has no entry for the model. */
  lowUsd: z.number().nullable(),
  highUsd: z.number().nullable(),
});
export type ModelCost = z.infer<typeof ModelCostSchema>;

/** The estimate priced for the run's model first, then every model in the table, for comparison. */
export function priceEstimate(
  estimate: { low: TokenEstimate; high: TokenEstimate },
  table: PriceTable,
  model: string,
  discount = 1,
): ModelCost[] {
  const priced = (name: string, price: ModelPrice | undefined): ModelCost => ({
    model: name,
    lowUsd: price === undefined ? null : costOf(estimate.low, price) * discount,
    highUsd: price === undefined ? null : costOf(estimate.high, price) * discount,
  });
  const others = Object.keys(table)
    .filter((name) => name !== model)
    .sort();
  return [priced(model, priceFor(table, model)), ...others.map((name) => priced(name, table[name]))];
}
