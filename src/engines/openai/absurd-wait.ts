import { LlmError } from '../../errors.js';

/**
 * The error for a wait no real rate limit asks for (`retry-after: 1000000000`, `x-ratelimit-reset-requests:
 * 99999999h`): the endpoint is at fault, and lede stops rather than sleep for years or spin on a clamped timer.
 */
export function absurdWaitError(where: string, waitMs: number, header: string, maxPauseMs: number): LlmError {
  return new LlmError(
    'llm.absurd-wait',
    `${where} asked lede to wait ${Math.ceil(waitMs / 1000)}s (${header}), longer than the ` +
      `${Math.round(maxPauseMs / 1000)}s pause limit: the endpoint's rate-limit headers are not believable, so lede ` +
      'stops instead of hanging. If the wait is real, raise --max-pause (LEDE_MAX_PAUSE) or run again later.',
    { retryable: false, hint: 'check the endpoint or the gateway in front of it' },
  );
}
