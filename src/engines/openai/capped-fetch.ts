import { LlmError } from '../../errors.js';

/** The most of a chat completion lede reads: a letter is a few KB, its JSON envelope a few more. */
export const maxResponseBytes = 4 * 1024 * 1024;

function tooLarge(where: string, limit: number): LlmError {
  return new LlmError(
    'llm.response-too-large',
    `${where} sent an answer larger than ${Math.round(limit / 1024 / 1024)} MB; a letter is a few KB, so lede ` +
      'stopped reading it. Check the model and the endpoint (a runaway generation, or a proxy answering with ' +
      'something else).',
    { retryable: false },
  );
}

/**
 * A `fetch` whose response bodies stop at `limit` bytes: a 50 MB completion must not fill memory, be printed or be
 * sent back for revision. A declared `content-length` over the limit is refused before reading. The error comes
 * from reading the body, which the SDK hands back as it is, rather than from the fetch, which it would retry.
 */
export function fetchWithCappedBody(
  base: typeof fetch,
  where: string,
  limit = maxResponseBytes,
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.body === null) return response;
    const declared = Number(response.headers.get('content-length'));
    // Failing the body, not the fetch: a failed fetch is a connection error the SDK would retry.
    if (Number.isFinite(declared) && declared > limit) {
      await response.body.cancel().catch(() => undefined);
      return new Response(
        new ReadableStream({
          start: (controller) => controller.error(tooLarge(where, limit)),
        }),
        { status: response.status, statusText: response.statusText, headers: response.headers },
      );
    }
    let read = 0;
    const capped = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          read += chunk.byteLength;
          if (read > limit) controller.error(tooLarge(where, limit));
          else controller.enqueue(chunk);
        },
      }),
    );
    return new Response(capped, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
