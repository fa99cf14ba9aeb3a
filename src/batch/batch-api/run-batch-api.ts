import type { BatchLetter } from '../../critic/check-batch.js';
import type { Rule } from '../../critic/rule.js';
import type { LlmClient } from '../../engines/openai/llm-client.js';
import { type LedeError, LlmError, OutputError } from '../../errors.js';
import type { Engine } from '../../pipeline/engine.js';
import { type PipelineOptions, type PipelineResult, runPipeline } from '../../pipeline/run-pipeline.js';
import { addUsage, noUsage } from '../../pipeline/usage.js';
import type { PlaybookSet } from '../../playbooks/playbook-schema.js';
import type { Profile } from '../../profile/profile-schema.js';
import { openBatchOutput, postingFromBytes, readPostingBytes } from '../batch-ledger.js';
import type { BatchFinding, StopReason } from '../batch-summary.js';
import type { FoundPosting } from '../find-postings.js';
import type { HeapGuard } from '../heap-guard.js';
import { inputHashFor } from '../input-hash.js';
import { isFatalLlmError } from '../limited-engine.js';
import { outputFilesFor } from '../output-names.js';
import { prepareBatch, reusableEntry } from '../prepare-batch.js';
import { costOf, type ModelPrice } from '../price-table.js';
import type { Progress } from '../progress.js';
import { realSleep, type Sleep } from '../rate-limiter.js';
import { type BatchRun, writeSummary } from '../write-summary.js';
import { loadAnswers, type StoredAnswer, saveAnswers } from './answer-store.js';
import type { BatchApiClient } from './batch-api-client.js';
import { type BatchApiState, batchApiStateFor } from './batch-api-state.js';
import { createDeferredClient, DeferredCall } from './deferred-client.js';
import { readJobResults } from './read-job-results.js';
import { batchFileLimits, customIdFor, type FileLimits, splitIntoFiles, stageOf } from './request-files.js';
import { waitForJob } from './wait-for-job.js';

export interface BatchApiOptions {
  readonly folder: string;
  readonly out: string;
  readonly recursive: boolean;
  readonly force: boolean;
  readonly pipeline: PipelineOptions;
  /** The model's Batch API price (half the synchronous one); undefined when unknown. */
  readonly price?: ModelPrice | undefined;
  /** Submit no round whose estimated cost would take the spend past this (`--max-cost`, US dollars). */
  readonly maxCostUsd?: number | undefined;
  /** Options that change letters, for the manifest's input hash. */
  readonly config: Record<string, unknown>;
  /** First and longest wait between polls of a job. Defaults 5 s and 60 s. */
  readonly pollIntervalMs?: number | undefined;
  readonly maxPollIntervalMs?: number | undefined;
  /** Rounds of jobs at most (classify, extract, draft, each revision, schema repairs). Default max attempts + 5. */
  readonly maxRounds?: number | undefined;
  /** Per input file; the Batch API's own limits by default. */
  readonly fileLimits?: FileLimits | undefined;
}

export interface BatchApiDeps {
  readonly api: BatchApiClient;
  /** Builds the LLM engine over a client (the deferred one). */
  readonly engineFor: (client: LlmClient) => Engine;
  readonly profile: Profile;
  readonly playbooks: PlaybookSet;
  readonly renderReport: (result: PipelineResult) => string;
  readonly progress: Progress;
  /** A signal stops polling; the job ids stay in the manifest and the next run picks them up. */
  readonly stopSignal?: AbortSignal | undefined;
  readonly checkBatch?: ((letters: readonly BatchLetter[]) => BatchFinding[]) | undefined;
  readonly rules?: readonly Rule[] | undefined;
  /** Keeps the heap flat over thousands of postings (the CLI passes one; tests need none). */
  readonly heapGuard?: HeapGuard | undefined;
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

/** Tokens of every answer downloaded so far, this run's and earlier ones'. */
function answeredUsage(answers: ReadonlyMap<string, StoredAnswer>): {
  promptTokens: number;
  completionTokens: number;
} {
  let promptTokens = 0;
  let completionTokens = 0;
  for (const answer of answers.values()) {
    if ('response' in answer) {
      promptTokens += answer.response.promptTokens;
      completionTokens += answer.response.completionTokens;
    }
  }
  return { promptTokens, completionTokens };
}

interface Work {
  readonly posting: FoundPosting;
  readonly inputHash: string;
}

/**
 * `lede batch --via batch-api`: the same pipeline, its model calls sent as OpenAI Batch API jobs. Each round replays
 * every unfinished posting against the answers so far (see `createDeferredClient`); the calls still unanswered go
 * into the next round's JSONL files, split at the API's limits, uploaded and started as jobs. The critic runs locally
 * between rounds, so revisions are further rounds. Job ids live in the manifest and answers in
 * `batch-api/answers.jsonl`: a stopped run resumes polling, and nothing answered is paid for twice.
 */
export async function runBatchApi(options: BatchApiOptions, deps: BatchApiDeps): Promise<BatchRun> {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const startedAt = now();
  const { api } = deps;
  const engineInfo = { name: 'openai', model: api.model };
  const prepared = await prepareBatch({
    folder: options.folder,
    out: options.out,
    recursive: options.recursive,
    profile: deps.profile,
    playbooks: deps.playbooks,
    config: { ...options.config, ...options.pipeline },
    engine: engineInfo,
  });
  await api.checkAvailable({ signal: deps.stopSignal });
  const { manifest, ledger } = await openBatchOutput(prepared.manifest, {
    out: options.out,
    progress: deps.progress,
    renderReport: deps.renderReport,
    common: deps.playbooks.common,
    collectLetters: deps.checkBatch !== undefined,
    afterPosting: () => deps.heapGuard?.afterPosting(),
    now,
  });
  const state: BatchApiState = batchApiStateFor(prepared.manifest.batchApi, prepared.fingerprint);
  const answers = await loadAnswers(options.out);
  const maxRounds = options.maxRounds ?? options.pipeline.maxAttempts + 5;
  let stopReason: StopReason | null = null;
  let fatal: LedeError | null = null;

  ledger.start(prepared.postings.length);
  let work: Work[] = [];
  try {
    for (const posting of prepared.postings) {
      let bytes: Buffer;
      try {
        bytes = await readPostingBytes(posting);
      } catch (error) {
        await ledger.failedWith(posting.relative, '', error);
        continue;
      }
      const inputHash = inputHashFor(bytes, prepared.fingerprint);
      const previous = await reusableEntry(
        manifest.manifest,
        posting.relative,
        inputHash,
        options.out,
        options.force,
      );
      if (previous !== undefined) await ledger.keep(previous);
      else work.push({ posting, inputHash });
    }

    const collect = async (jobIndex: number): Promise<void> => {
      const job = state.jobs[jobIndex];
      if (job === undefined || job.downloaded) return;
      const finished = await waitForJob(api, job.id, {
        firstIntervalMs: options.pollIntervalMs,
        maxIntervalMs: options.maxPollIntervalMs,
        sleep,
        signal: deps.stopSignal,
        onChange: (seen) =>
          deps.progress.note(
            `round ${job.round}: job ${seen.id} ${seen.status} ` +
              `(${seen.requestCounts.completed + seen.requestCounts.failed}/${seen.requestCounts.total || job.requests})`,
          ),
      });
      if (finished.status === 'failed' && finished.outputFileId === null) {
        throw new LlmError(
          'llm.batch-failed',
          `Batch API job ${finished.id} failed: ${finished.errors.join('; ') || 'no reason given'}. ` +
            'Run again to resubmit its requests, or run without --via batch-api.',
          { retryable: false },
        );
      }
      const files: string[] = [];
      for (const fileId of [finished.outputFileId, finished.errorFileId]) {
        if (fileId !== null) files.push(await api.downloadFile(fileId, { signal: deps.stopSignal }));
      }
      await saveAnswers(options.out, answers, readJobResults(api, finished.id, files));
      state.jobs[jobIndex] = { ...job, status: finished.status, downloaded: true };
      await manifest.setBatchApiState(state);
    };

    for (;;) {
      for (let index = 0; index < state.jobs.length; index++) await collect(index);

      // Replay every unfinished posting against the answers so far; the first unanswered call of each waits.
      const deferred = new Map<string, { stage: string; stem: string; request: DeferredCall['request'] }>();
      const waiting: Work[] = [];
      for (const item of work) {
        const stem = prepared.stems.get(item.posting.relative) ?? item.posting.relative;
        try {
          const posting = postingFromBytes(await readPostingBytes(item.posting), item.posting);
          const engine = deps.engineFor(createDeferredClient(api, answers));
          const result = await runPipeline(
            posting,
            deps.profile,
            { engine, playbooks: deps.playbooks, rules: deps.rules },
            options.pipeline,
          );
          await ledger.completed(item.posting.relative, item.inputHash, outputFilesFor(stem), result);
        } catch (error) {
          if (error instanceof DeferredCall) {
            if (!deferred.has(error.key))
              deferred.set(error.key, { stage: stageOf(error.request), stem, request: error.request });
            waiting.push(item);
          } else if (isFatalLlmError(error) || error instanceof OutputError) {
            throw error;
          } else {
            await ledger.failedWith(item.posting.relative, item.inputHash, error);
          }
        }
      }
      work = waiting;
      if (deferred.size === 0) break;
      if (deps.stopSignal?.aborted === true) {
        stopReason = 'signal';
        break;
      }
      if (state.round >= maxRounds) {
        for (const item of work) {
          await ledger.failedWith(
            item.posting.relative,
            item.inputHash,
            new LlmError(
              'llm.batch-rounds',
              `${item.posting.relative} still needed model calls after ${maxRounds} Batch API rounds`,
              {
                hint: 'run again to continue, or run without --via batch-api',
              },
            ),
          );
        }
        work = [];
        break;
      }

      const lines: string[] = [];
      for (const [key, item] of deferred) {
        lines.push(
          JSON.stringify({
            custom_id: customIdFor(item.stage, item.stem, key),
            method: 'POST',
            url: '/v1/chat/completions',
            body: await api.requestBody(item.request),
          }),
        );
      }
      if (options.maxCostUsd !== undefined && options.price !== undefined) {
        const spent = costOf(answeredUsage(answers), options.price);
        const round = costOf(
          {
            promptTokens: Math.ceil(lines.reduce((sum, line) => sum + line.length, 0) / 4),
            completionTokens: lines.length * 1000,
          },
          options.price,
        );
        if (spent + round > options.maxCostUsd) {
          stopReason = 'budget';
          deps.progress.note(
            `stopping: the next round (${lines.length} requests, up to $${round.toFixed(4)}) could take the spend ` +
              `past --max-cost $${options.maxCostUsd} (spent about $${spent.toFixed(4)})`,
          );
          break;
        }
      }
      state.round++;
      const files = splitIntoFiles(lines, options.fileLimits ?? batchFileLimits);
      for (const [index, file] of files.entries()) {
        const name = `lede-round-${state.round}-part-${index + 1}.jsonl`;
        const inputFileId = await api.uploadRequests(`${file.join('\n')}\n`, name, {
          signal: deps.stopSignal,
        });
        const job = await api.createJob(
          inputFileId,
          { lede_round: String(state.round), lede_part: `${index + 1}/${files.length}` },
          { signal: deps.stopSignal },
        );
        state.jobs.push({
          id: job.id,
          round: state.round,
          inputFileId,
          requests: file.length,
          status: job.status,
          downloaded: false,
        });
        // The job id is on disk before anything else happens: a stopped run polls it instead of paying again.
        await manifest.setBatchApiState(state);
      }
      deps.progress.note(
        `round ${state.round}: ${lines.length} request${lines.length === 1 ? '' : 's'} for ${work.length} ` +
          `posting${work.length === 1 ? '' : 's'} in ${files.length} Batch API job${files.length === 1 ? '' : 's'}`,
      );
    }
  } catch (error) {
    if (error instanceof LlmError || error instanceof OutputError) {
      fatal = error;
      stopReason = 'fatal';
      deps.progress.note(error.message);
    } else if (deps.stopSignal?.aborted === true) {
      // Stopped while polling or submitting: the job ids are in the manifest for the next run.
      stopReason = 'signal';
    } else {
      throw error;
    }
  } finally {
    deps.progress.finish();
    await manifest.setBatchApiState(state).finally(() => manifest.close());
  }

  // The end of a run is its memory peak (every letter for the cross-check, the summary): start it from a clean heap.
  deps.heapGuard?.collect();
  const batchFindings = await ledger.crossCheck(deps.checkBatch);
  const rows = ledger.rows(prepared.postings);
  const usage = rows.reduce((sum, row) => addUsage(sum, row.usage), noUsage);
  return writeSummary({
    folder: options.folder,
    out: options.out,
    engine: engineInfo,
    startedAt,
    finishedAt: now(),
    rows,
    usage,
    estimatedCostUsd: options.price === undefined ? null : costOf(usage, options.price),
    stopReason,
    fatal,
    skippedFiles: prepared.skippedFiles,
    batchFindings,
  });
}
