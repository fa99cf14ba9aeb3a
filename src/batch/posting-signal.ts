/** A signal for one posting that follows the batch's; `release` unhooks it once the posting is done. */
export interface PostingSignal {
  readonly signal: AbortSignal;
  release(): void;
}

/**
 * Gives one posting a signal of its own that aborts (with the same reason) when the batch's does. The OpenAI SDK
 * composes each request's signal with the caller's (`AbortSignal.any`), and Node keeps a record of every composition
 * until the caller's signal itself is collected: handing each call the batch-long signal would keep one record per
 * call for the whole run (about 170 bytes; 5 MB over ten thousand postings). A posting's signal dies with the posting,
 * and its records with it.
 */
export function postingSignal(batch: AbortSignal): PostingSignal {
  const controller = new AbortController();
  if (batch.aborted) {
    controller.abort(batch.reason);
    return { signal: controller.signal, release: () => undefined };
  }
  const forward = (): void => controller.abort(batch.reason);
  batch.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    release: () => batch.removeEventListener('abort', forward),
  };
}
