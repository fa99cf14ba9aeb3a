import { readFile } from 'node:fs/promises';
import type { BatchLetter } from '../critic/check-batch.js';
import type { Rule } from '../critic/rule.js';
import type { LetterRecipient } from '../output/letter-document.js';
import type { LetterFormat } from '../output/letter-format.js';
import type { RenderedLetter } from '../output/render-letter.js';
import type { Engine } from '../pipeline/engine.js';
import { type PipelineOptions, type PipelineResult, runPipeline } from '../pipeline/run-pipeline.js';
import { addUsage, noUsage, spentTokens } from '../pipeline/usage.js';
import type { PlaybookSet } from '../playbooks/playbook-schema.js';
import type { Profile } from '../profile/profile-schema.js';
import { openBatchOutput, postingOfFile, readPostingBytes } from './batch-ledger.js';
import type { BatchFinding } from './batch-summary.js';
import type { BatchTransport, PostingWork, TransportOutcome } from './batch-transport.js';
import type { FoundPosting } from './find-postings.js';
import type { HeapGuard } from './heap-guard.js';
import { inputHashFor } from './input-hash.js';
import { type LockOwner, lockOutputFolder } from './output-lock.js';
import { outputFilesFor } from './output-names.js';
import { overridesSuffix, type PostingOverrides, readPostingOverrides } from './posting-overrides.js';
import { prepareBatch, reusableEntry } from './prepare-batch.js';
import { costOf, type ModelPrice } from './price-table.js';
import type { Progress } from './progress.js';
import { type BatchRun, writeSummary } from './write-summary.js';

/** What `lede batch` was asked to do, however the model is reached. Paths are absolute. */
export interface BatchOptions {
  readonly folder: string;
  readonly out: string;
  /** Include subfolders (`--recursive`). */
  readonly recursive: boolean;
  /** Redo every posting, even unchanged successes (`--force`). */
  readonly force: boolean;
  readonly pipeline: PipelineOptions;
  /** Stop before the estimated spend would pass this (`--max-cost`, US dollars). */
  readonly maxCostUsd?: number | undefined;
  /** The model's price (already discounted for the Batch API); undefined when unknown. */
  readonly price?: ModelPrice | undefined;
  /** Options that change letters, for the manifest's input hash (temperature, templates, ...). */
  readonly config: Record<string, unknown>;
  /**
   * The letter's format (`--format`, default md). Not part of the input hash: a document is made from the letter, so a
   * rerun in another format keeps every letter and only writes the new files.
   */
  readonly format?: LetterFormat | undefined;
}

export interface BatchDeps {
  /** How postings get their letters: `directTransport` or `batchApiTransport`. */
  readonly transport: BatchTransport;
  readonly profile: Profile;
  readonly playbooks: PlaybookSet;
  /** The report as Markdown, for `<name>.report.md`. */
  readonly renderReport: (result: PipelineResult) => string;
  /** The letter in `options.format` when that is not Markdown, for `<name>.letter.<ext>`. */
  readonly renderDocument?:
    | ((letter: string, recipient: LetterRecipient) => Promise<RenderedLetter>)
    | undefined;
  readonly progress: Progress;
  /** First SIGINT/SIGTERM: take no new postings (direct), or stop polling (Batch API). */
  readonly stopSignal?: AbortSignal | undefined;
  /** Checks the letters against each other (shared openings, wrong company). */
  readonly checkBatch?: ((letters: readonly BatchLetter[]) => BatchFinding[]) | undefined;
  readonly rules?: readonly Rule[] | undefined;
  /** Keeps the heap flat over thousands of postings (the CLI passes one; tests need none). */
  readonly heapGuard?: HeapGuard | undefined;
  /** Who takes the output folder's lock; default this process. */
  readonly lockOwner?: LockOwner | undefined;
  readonly now?: () => number;
}

/**
 * Runs the pipeline over every posting in a folder: finds the postings, opens the manifest, keeps unchanged successes
 * from an earlier run, lets the transport get the other letters (each written atomically and recorded as soon as it
 * is done), then checks the letters against each other and writes the summary. A bad posting is reported and the
 * batch goes on; an error no retry can fix, a signal or the budget stops it.
 */
export async function runBatch(options: BatchOptions, deps: BatchDeps): Promise<BatchRun> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const { transport } = deps;
  const prepared = await prepareBatch({
    folder: options.folder,
    out: options.out,
    recursive: options.recursive,
    profile: deps.profile,
    playbooks: deps.playbooks,
    config: { ...options.config, ...options.pipeline },
    engine: transport.engine,
  });
  await transport.checkAvailable?.(deps.stopSignal);
  const { manifest, ledger } = await openBatchOutput(prepared.manifest, {
    out: options.out,
    progress: deps.progress,
    renderReport: deps.renderReport,
    renderDocument: deps.renderDocument,
    common: deps.playbooks.common,
    collectLetters: deps.checkBatch !== undefined,
    afterPosting: () => deps.heapGuard?.afterPosting(),
    now,
  });
  const lock = await lockOutputFolder(options.out, (message) => deps.progress.note(message), deps.lockOwner);
  try {
    return await runLocked();
  } finally {
    await lock.release();
  }

  async function runLocked(): Promise<BatchRun> {
    // Editing the overrides redoes the letter; a posting without them keeps the hash it always had.
    const hashOf = (bytes: Buffer, overrides: PostingOverrides): string =>
      inputHashFor(
        overrides.bytes === null
          ? bytes
          : Buffer.concat([bytes, Buffer.from(`\0${overridesSuffix}\0`), overrides.bytes]),
        prepared.fingerprint,
      );
    /** A posting's bytes, overrides and input hash; a posting that cannot be read is recorded as such. */
    const identify = async (
      posting: FoundPosting,
    ): Promise<{ bytes: Buffer; overrides: PostingOverrides; inputHash: string } | undefined> => {
      let bytes: Buffer;
      let overrides: PostingOverrides;
      try {
        bytes = await readPostingBytes(posting);
        overrides = await readPostingOverrides(posting.path, deps.playbooks);
      } catch (error) {
        await ledger.failedWith(posting.relative, '', error);
        return undefined;
      }
      return { bytes, overrides, inputHash: hashOf(bytes, overrides) };
    };
    const reusable = (posting: FoundPosting, inputHash: string) =>
      reusableEntry(manifest.manifest, posting.relative, inputHash, options.out, options.force);
    const triage = async (posting: FoundPosting): Promise<PostingWork | undefined> => {
      const known = await identify(posting);
      if (known === undefined) return undefined;
      const previous = await reusable(posting, known.inputHash);
      if (previous === undefined)
        return {
          posting,
          inputHash: known.inputHash,
          bytes: known.bytes,
          overrides: known.overrides.overrides,
        };
      const stem = prepared.stems.get(posting.relative) ?? posting.relative;
      await ledger.keep(previous, outputFilesFor(stem, options.format));
      return undefined;
    };
    /** How many postings an earlier run already did, for the first progress line (only a rerun pays to count). */
    const countUnchanged = async (): Promise<number> => {
      if (options.force || Object.keys(manifest.manifest.entries).length === 0) return 0;
      let unchanged = 0;
      for (const posting of prepared.postings) {
        const bytes = await readFile(posting.path).catch(() => undefined);
        const overrides = await readPostingOverrides(posting.path, deps.playbooks).catch(() => undefined);
        if (bytes === undefined || overrides === undefined) continue;
        if ((await reusable(posting, hashOf(bytes, overrides))) !== undefined) unchanged++;
      }
      return unchanged;
    };
    const draft = async (work: PostingWork, engine: Engine, signal?: AbortSignal): Promise<void> => {
      const result = await runPipeline(
        await postingOfFile(work.bytes, work.posting),
        deps.profile,
        { engine, playbooks: deps.playbooks, signal, rules: deps.rules },
        { ...options.pipeline, overrides: { ...options.pipeline.overrides, ...definedOnly(work.overrides) } },
      );
      const stem = prepared.stems.get(work.posting.relative) ?? work.posting.relative;
      await ledger.completed(
        work.posting.relative,
        work.inputHash,
        outputFilesFor(stem, options.format),
        result,
      );
    };

    ledger.start(prepared.postings.length, await countUnchanged());
    let outcome: TransportOutcome;
    try {
      outcome = await transport.run({
        out: options.out,
        postings: prepared.postings,
        stems: prepared.stems,
        fingerprint: prepared.fingerprint,
        manifest,
        ledger,
        pipeline: options.pipeline,
        profile: deps.profile,
        price: options.price,
        maxCostUsd: options.maxCostUsd,
        progress: deps.progress,
        stopSignal: deps.stopSignal,
        triage,
        draft,
      });
    } finally {
      deps.progress.finish();
      await manifest.snapshot().finally(() => manifest.close());
    }

    // The end of a run is its memory peak (every letter for the cross-check, the summary): start it from a clean heap.
    deps.heapGuard?.collect();
    const batchFindings = await ledger.crossCheck(deps.checkBatch);
    const rows = ledger.rows(prepared.postings);
    const usage = outcome.spent ?? rows.reduce((sum, row) => addUsage(sum, row.usage), noUsage);
    return writeSummary({
      folder: options.folder,
      out: options.out,
      engine: transport.engine,
      startedAt,
      finishedAt: now(),
      rows,
      usage,
      estimatedCostUsd:
        transport.engine.name === 'offline'
          ? 0
          : options.price === undefined
            ? null
            : costOf(spentTokens(usage), options.price),
      stopReason: outcome.stopReason,
      fatal: outcome.fatal,
      skippedFiles: prepared.skippedFiles,
      batchFindings,
    });
  }
}

/** The fields a posting's overrides file sets, so that it never unsets what the command line set. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
