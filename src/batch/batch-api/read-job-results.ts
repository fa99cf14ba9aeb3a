import type { BatchApiClient } from '../../engines/openai/batch-api-client.js';
import type { StoredAnswer } from './answer-store.js';
import { keyOfCustomId } from './request-files.js';

interface ResultLine {
  readonly custom_id?: string;
  readonly response?: { readonly status_code?: number; readonly body?: unknown } | null;
  readonly error?: { readonly code?: string; readonly message?: string } | null;
}

function failure(key: string, jobId: string, customId: string, detail: string): StoredAnswer {
  return {
    key,
    error: {
      code: 'llm.batch-request-failed',
      message: `Batch API job ${jobId}: request ${customId} failed: ${detail}`,
    },
  };
}

/**
 * Turns a job's output and error files into answers keyed like the requests: a 200 becomes the chat completion's
 * answer, anything else an error that fails that posting (and only that posting).
 */
export function readJobResults(api: BatchApiClient, jobId: string, files: readonly string[]): StoredAnswer[] {
  const answers: StoredAnswer[] = [];
  for (const text of files) {
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      let line: ResultLine;
      try {
        line = JSON.parse(raw) as ResultLine;
      } catch {
        continue;
      }
      const customId = line.custom_id;
      if (typeof customId !== 'string') continue;
      const key = keyOfCustomId(customId);
      const status = line.response?.status_code;
      if (status === 200 && line.error == null) {
        try {
          answers.push({ key, response: api.toResponse(line.response?.body) });
        } catch (error) {
          answers.push(failure(key, jobId, customId, (error as Error).message));
        }
        continue;
      }
      const body = line.response?.body as { error?: { message?: string } } | undefined;
      const detail =
        line.error?.message ??
        body?.error?.message ??
        (status === undefined ? 'no response' : `HTTP ${status}`);
      answers.push(
        failure(key, jobId, customId, status === undefined ? detail : `HTTP ${status}: ${detail}`),
      );
    }
  }
  return answers;
}
