import type { LedeError } from '../errors.js';
import type { AnalyzeOverrides } from '../pipeline/analyze-posting.js';
import type { Engine } from '../pipeline/engine.js';
import type { PipelineOptions } from '../pipeline/run-pipeline.js';
import type { Usage } from '../pipeline/usage.js';
import type { Profile } from '../profile/profile-schema.js';
import type { BatchLedger } from './batch-ledger.js';
import type { StopReason } from './batch-summary.js';
import type { FoundPosting } from './find-postings.js';
import type { ManifestWriter } from './manifest.js';
import type { ModelPrice } from './price-table.js';
import type { Progress } from './progress.js';

/** A posting that needs a letter: read, and hashed for the manifest. */
export interface PostingWork {
  readonly posting: FoundPosting;
  readonly inputHash: string;
  readonly bytes: Buffer;
  /** From the posting's `<name>.lede.yaml`, if it has one. */
  readonly overrides: AnalyzeOverrides;
}

/** What the batch core hands a transport: the run's postings and books, and the two steps every transport takes. */
export interface TransportRun {
  readonly out: string;
  readonly postings: readonly FoundPosting[];
  /** Each posting's output name. */
  readonly stems: ReadonlyMap<string, string>;
  /** The run's hash (profile, playbooks, config, engine): a changed one starts a Batch API run afresh. */
  readonly fingerprint: string;
  readonly manifest: ManifestWriter;
  readonly ledger: BatchLedger;
  readonly pipeline: PipelineOptions;
  readonly profile: Profile;
  /** The model's price (already discounted for the Batch API); undefined when unknown. */
  readonly price: ModelPrice | undefined;
  /** Stop before the estimated spend would pass this (`--max-cost`, US dollars). */
  readonly maxCostUsd: number | undefined;
  readonly progress: Progress;
  /** First SIGINT/SIGTERM. */
  readonly stopSignal: AbortSignal | undefined;
  /**
   * Reads a posting and settles it when it needs no model: an unreadable one is recorded as failed, an unchanged
   * success kept. Returns the work otherwise.
   */
  triage(posting: FoundPosting): Promise<PostingWork | undefined>;
  /** Runs the pipeline for one posting on this engine and records its letter; a failure is the transport's to sort. */
  draft(work: PostingWork, engine: Engine, signal?: AbortSignal): Promise<void>;
}

/** How a transport's part of the run ended. */
export interface TransportOutcome {
  readonly stopReason: StopReason | null;
  readonly fatal: LedeError | null;
  /** What the calls cost as they were made; absent means the sum of the rows' usage. */
  readonly spent?: Usage | undefined;
}

/**
 * How a batch's postings get their letters: the pipeline per posting through the rate-limited engine (direct), or
 * rounds of uploaded Batch API jobs. The batch core does everything around it.
 */
export interface BatchTransport {
  /** The engine as the manifest's fingerprint and the summary name it. */
  readonly engine: { readonly name: string; readonly model: string };
  /** Refuses an endpoint that cannot serve this transport, before anything is written. */
  checkAvailable?(signal: AbortSignal | undefined): Promise<void>;
  run(run: TransportRun): Promise<TransportOutcome>;
}
