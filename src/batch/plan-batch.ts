import { readFile } from 'node:fs/promises';
import { LedeError } from '../errors.js';
import type { PipelineOptions } from '../pipeline/run-pipeline.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import { requireEnglish } from '../posting/require-english.js';
import type { Profile } from '../profile/profile-schema.js';
import { postingOfFile } from './batch-ledger.js';
import {
  addEstimates,
  estimatePosting,
  type ModelCost,
  priceEstimate,
  type TokenEstimate,
} from './estimate-cost.js';
import type { SkippedFile } from './find-postings.js';
import { inputHashFor } from './input-hash.js';
import { prepareBatch, reusableEntry } from './prepare-batch.js';
import { batchApiDiscount, type PriceTable } from './price-table.js';

/** `--dry-run`: what a batch would do and cost, without calling anything or writing a file. */
export interface BatchPlan {
  readonly folder: string;
  readonly out: string;
  readonly engine: string;
  readonly model: string;
  readonly via: 'direct' | 'batch-api';
  readonly postings: number;
  /** Postings that would run (new, changed, failed last time, or all with --force). */
  readonly toRun: number;
  readonly unchanged: number;
  /** Postings that cannot be read. */
  readonly badInput: number;
  readonly skippedFiles: readonly SkippedFile[];
  readonly estimate: { readonly low: TokenEstimate; readonly high: TokenEstimate };
  /** The selected model first, then every model in the price table. */
  readonly costs: readonly ModelCost[];
}

export interface PlanOptions {
  readonly folder: string;
  readonly out: string;
  readonly recursive: boolean;
  readonly force: boolean;
  readonly pipeline: PipelineOptions;
  /** Options that change letters, as `runBatch` gets them (the manifest's hash must match). */
  readonly config: Record<string, unknown>;
  readonly via: 'direct' | 'batch-api';
  readonly prices: PriceTable;
}

export interface PlanDeps {
  readonly engine: { readonly name: string; readonly model: string };
  readonly profile: Profile;
  readonly playbooks: PlaybookSet;
}

export async function planBatch(options: PlanOptions, deps: PlanDeps): Promise<BatchPlan> {
  const prepared = await prepareBatch({
    ...options,
    ...deps,
    config: { ...options.config, ...options.pipeline },
  });
  const profileChars = JSON.stringify(deps.profile).length;
  const lows: TokenEstimate[] = [];
  const highs: TokenEstimate[] = [];
  let unchanged = 0;
  let badInput = 0;
  for (const posting of prepared.postings) {
    const bytes = await readFile(posting.path).catch(() => undefined);
    if (bytes === undefined) {
      badInput++;
      continue;
    }
    const hash = inputHashFor(bytes, prepared.fingerprint);
    if (
      (await reusableEntry(prepared.manifest, posting.relative, hash, options.out, options.force)) !==
      undefined
    ) {
      unchanged++;
      continue;
    }
    // An empty or binary posting (or, offline, one not in English) would fail at once, costing nothing: no work to price.
    try {
      const parsed = await postingOfFile(bytes, posting);
      if (deps.engine.name === 'offline') requireEnglish(parsed);
    } catch (error) {
      if (!(error instanceof LedeError)) throw error;
      badInput++;
      continue;
    }
    const estimate = estimatePosting(
      bytes.length,
      profileChars,
      options.pipeline.maxAttempts,
      options.pipeline.analysis,
    );
    lows.push(estimate.low);
    highs.push(estimate.high);
  }
  const estimate = { low: addEstimates(...lows), high: addEstimates(...highs) };
  const model = deps.engine.name === 'offline' ? 'offline' : deps.engine.model;
  const discount = options.via === 'batch-api' ? batchApiDiscount : 1;
  const costs = priceEstimate(estimate, options.prices, model, discount).filter(
    (cost) => !(cost.model === 'offline' && deps.engine.name === 'offline'),
  );
  return {
    folder: options.folder,
    out: options.out,
    engine: deps.engine.name,
    model,
    via: options.via,
    postings: prepared.postings.length,
    toRun: lows.length,
    unchanged,
    badInput,
    skippedFiles: prepared.skippedFiles,
    estimate,
    costs,
  };
}
