import type { BatchApiClient } from '../../engines/openai/batch-api-client.js';
import type { LlmClient } from '../../engines/openai/llm-client.js';
import { type LedeError, LlmError, OutputError } from '../../errors.js';
import type { Engine } from '../../pipeline/engine.js';
import { readPostingBytes } from '../batch-ledger.js';
import type { StopReason } from '../batch-summary.js';
import type { BatchTransport, PostingWork, TransportOutcome, TransportRun } from '../batch-transport.js';
import { isFatalLlmError } from '../limited-engine.js';
import { costOf } from '../price-table.js';
import { realSleep, type Sleep } from '../rate-limiter.js';
import { loadAnswers, type StoredAnswer, saveAnswers } from './answer-store.js';
import { type BatchApiState, batchApiStateFor } from './batch-api-state.js';
import { createDeferredClient, DeferredCall } from './deferred-client.js';
import { readJobResults } from './read-job-results.js';
import { batchFileLimits, customIdFor, type FileLimits, splitIntoFiles, stageOf } from './request-files.js';
import { waitForJob } from './wait-for-job.js';

/** How `lede batch --via batch-api` reaches the model. */
export interface BatchApiOptions {
  readonly api: BatchApiClient;
  /** Builds the LLM engine over a client (the deferred one). */
  readonly engineFor: (client: LlmClient) => Engine;
  /** First and longest wait between polls of a job. Defaults 5 s and 60 s. */
  readonly pollIntervalMs?: number | undefined;
  readonly maxPollIntervalMs?: number | undefined;
  /** Rounds of jobs at most (classify, extract, draft, each revision, schema repairs). Default max attempts + 5. */
  readonly maxRounds?: number | undefined;
  /** Per input file; the Batch API's own limits by default. */
  readonly fileLimits?: FileLimits | undefined;
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

type Work = Omit<PostingWork, 'bytes'>;

/**
 * `lede batch --via batch-api`: the same pipeline, its model calls sent as OpenAI Batch API jobs. Each round replays
 * every unfinished posting against the answers so far (see `createDeferredClient`); the calls still unanswered go
 * into the next round's JSONL files, split at the API's limits, uploaded and started as jobs. The critic runs locally
 * between rounds, so revisions are further rounds. Job ids live in the manifest and answers in
 * `batch-api/answers.jsonl`: a stopped run resumes polling, and nothing answered is paid for twice.
 */
export function batchApiTransport(options: BatchApiOptions): BatchTransport {
  return {
    engine: { name: 'openai', model: options.api.model },
    checkAvailable: (signal) => options.api.checkAvailable({ signal }),
    run: (run) => runInRounds(options, run),
  };
}

async function runInRounds(options: BatchApiOptions, run: TransportRun): Promise<TransportOutcome> {
  const { api } = options;
  const { ledger, manifest, progress, stopSignal } = run;
  const sleep = options.sleep ?? realSleep;
  const state: BatchApiState = batchApiStateFor(manifest.manifest.batchApi, run.fingerprint);
  // Every snapshot from here on writes the state as it then is: job ids reach the disk before anything else happens.
  manifest.holdBatchApiState(state);
  const answers = await loadAnswers(run.out);
  const maxRounds = options.maxRounds ?? run.pipeline.maxAttempts + 5;
  let stopReason: StopReason | null = null;
  let fatal: LedeError | null = null;

  let work: Work[] = [];
  try {
    for (const posting of run.postings) {
      const found = await run.triage(posting);
      // Only the name and hash wait between rounds: the bytes are read again, so thousands never sit in memory.
      if (found !== undefined)
        work.push({ posting: found.posting, inputHash: found.inputHash, overrides: found.overrides });
    }

    const collect = async (jobIndex: number): Promise<void> => {
      const job = state.jobs[jobIndex];
      if (job === undefined || job.downloaded) return;
      const finished = await waitForJob(api, job.id, {
        firstIntervalMs: options.pollIntervalMs,
        maxIntervalMs: options.maxPollIntervalMs,
        sleep,
        signal: stopSignal,
        onChange: (seen) =>
          progress.note(
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
        if (fileId !== null) files.push(await api.downloadFile(fileId, { signal: stopSignal }));
      }
      await saveAnswers(run.out, answers, readJobResults(api, finished.id, files));
      state.jobs[jobIndex] = { ...job, status: finished.status, downloaded: true };
      await manifest.snapshot();
    };

    for (;;) {
      for (let index = 0; index < state.jobs.length; index++) await collect(index);

      // Replay every unfinished posting against the answers so far; the first unanswered call of each waits.
      const deferred = new Map<string, { stage: string; stem: string; request: DeferredCall['request'] }>();
      const waiting: Work[] = [];
      for (const item of work) {
        const stem = run.stems.get(item.posting.relative) ?? item.posting.relative;
        try {
          const bytes = await readPostingBytes(item.posting);
          await run.draft({ ...item, bytes }, options.engineFor(createDeferredClient(api, answers)));
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
      if (stopSignal?.aborted === true) {
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
      if (run.maxCostUsd !== undefined && run.price !== undefined) {
        const spent = costOf(answeredUsage(answers), run.price);
        const round = costOf(
          {
            promptTokens: Math.ceil(lines.reduce((sum, line) => sum + line.length, 0) / 4),
            completionTokens: lines.length * 1000,
          },
          run.price,
        );
        if (spent + round > run.maxCostUsd) {
          stopReason = 'budget';
          progress.note(
            `stopping: the next round (${lines.length} requests, up to $${round.toFixed(4)}) could take the spend ` +
              `past --max-cost $${run.maxCostUsd} (spent about $${spent.toFixed(4)})`,
          );
          break;
        }
      }
      state.round++;
      const files = splitIntoFiles(lines, options.fileLimits ?? batchFileLimits);
      for (const [index, file] of files.entries()) {
        const name = `lede-round-${state.round}-part-${index + 1}.jsonl`;
        const inputFileId = await api.uploadRequests(`${file.join('\n')}\n`, name, { signal: stopSignal });
        const job = await api.createJob(
          inputFileId,
          { lede_round: String(state.round), lede_part: `${index + 1}/${files.length}` },
          { signal: stopSignal },
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
        await manifest.snapshot();
      }
      progress.note(
        `round ${state.round}: ${lines.length} request${lines.length === 1 ? '' : 's'} for ${work.length} ` +
          `posting${work.length === 1 ? '' : 's'} in ${files.length} Batch API job${files.length === 1 ? '' : 's'}`,
      );
    }
  } catch (error) {
    if (error instanceof LlmError || error instanceof OutputError) {
      fatal = error;
      stopReason = 'fatal';
      progress.note(error.message);
    } else if (stopSignal?.aborted === true) {
      // Stopped while polling or submitting: the job ids are in the manifest for the next run.
      stopReason = 'signal';
    } else {
      throw error;
    }
  }
  return { stopReason, fatal };
}
