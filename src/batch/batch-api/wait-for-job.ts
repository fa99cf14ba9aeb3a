import {
  type BatchApiClient,
  type BatchJob,
  finishedJobStatuses,
} from '../../engines/openai/batch-api-client.js';
import type { Sleep } from '../rate-limiter.js';

export interface PollOptions {
  /** First wait between polls. Default 5 s. */
  readonly firstIntervalMs?: number | undefined;
  /** Longest wait between polls; each wait is half again the last. Default 60 s. */
  readonly maxIntervalMs?: number | undefined;
  readonly sleep: Sleep;
  readonly signal?: AbortSignal | undefined;
  /** Told whenever the job's status or progress changes. */
  readonly onChange?: (job: BatchJob) => void;
}

/** Polls a job until it finishes (completed, failed, expired, cancelled), waiting longer between polls each time. */
export async function waitForJob(api: BatchApiClient, id: string, options: PollOptions): Promise<BatchJob> {
  let interval = options.firstIntervalMs ?? 5000;
  const maxInterval = options.maxIntervalMs ?? 60_000;
  let last = '';
  for (;;) {
    const job = await api.retrieveJob(id, { signal: options.signal });
    const seen = `${job.status} ${job.requestCounts.completed + job.requestCounts.failed}/${job.requestCounts.total}`;
    if (seen !== last) options.onChange?.(job);
    last = seen;
    if (finishedJobStatuses.includes(job.status)) return job;
    await options.sleep(interval, options.signal);
    interval = Math.min(maxInterval, Math.ceil(interval * 1.5));
  }
}
