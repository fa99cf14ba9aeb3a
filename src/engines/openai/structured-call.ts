import type { z } from 'zod';
import { LlmError } from '../../errors.js';
import { addUsage, noUsage, type Usage } from '../../pipeline/usage.js';
import { loadPrompt } from '../../prompts/load-prompt.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { ChatMessage, LlmClient, LlmRequest, LlmResponse } from './llm-client.js';
import { toStrictJsonSchema } from './strict-json-schema.js';

/** Max tokens for the one retry of a free-form answer cut off by `length`, when the first call set none. */
export const lengthRetryMaxTokens = 4096;

export interface StructuredCall<T> {
  readonly client: LlmClient;
  readonly messages: readonly ChatMessage[];
  /** The schema's name as the endpoint sees it (`[a-zA-Z0-9_-]`). */
  readonly name: string;
  /** Validates the answer locally: many servers accept a schema without enforcing it. */
  readonly schema: z.ZodType<T>;
  /** The schema sent to the endpoint, when it should be tighter than the local one (an enum of known ids). */
  readonly responseSchema?: z.ZodType | undefined;
  /** Cleans a parsed answer before validation (blank strings to null, ...). */
  readonly prepare?: ((data: unknown) => unknown) | undefined;
  /**
   * What a `length` finish means. `fail`: LlmError `llm.truncated` (a cut-off JSON answer is useless). `retry-larger`:
   * one more call with twice the max tokens (or {@link lengthRetryMaxTokens}), for letters; truncated again fails.
   */
  readonly onLength: 'fail' | 'retry-larger';
  readonly temperature?: number | undefined;
  readonly maxTokens?: number | undefined;
  readonly repeat?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface StructuredResult<T> {
  readonly value: T;
  /** Every call made, repairs and length retries included. */
  readonly usage: Usage;
}

function usageOf(response: LlmResponse): Usage {
  const usage = {
    calls: 1,
    promptTokens: response.promptTokens,
    completionTokens: response.completionTokens,
    cachedCalls: response.cached ? 1 : 0,
  };
  return response.cached
    ? {
        ...usage,
        cachedPromptTokens: response.promptTokens,
        cachedCompletionTokens: response.completionTokens,
      }
    : usage;
}

type Checked<T> = { ok: true; value: T } | { ok: false; issues: string[] };

/** Some servers wrap JSON in a Markdown fence even in JSON mode. */
function stripFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(content);
  return (fenced?.[1] ?? content).trim();
}

function check<T>(content: string, call: StructuredCall<T>): Checked<T> {
  const text = stripFence(content);
  if (text === '') return { ok: false, issues: ['the reply was empty; a JSON object is required'] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [`the reply is not valid JSON (${(error as Error).message})`] };
  }
  const parsed = call.schema.safeParse(call.prepare === undefined ? data : call.prepare(data));
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const path = issue.path.length === 0 ? '(the object)' : issue.path.map(String).join('.');
      return `${path}: ${issue.message}`;
    }),
  };
}

/**
 * One structured answer: asks for JSON Schema output, validates it with zod, and on a mismatch makes exactly one
 * repair call that sends the issues back. A refusal, a content filter stop, or a second mismatch is an LlmError.
 */
export async function callStructured<T>(call: StructuredCall<T>): Promise<StructuredResult<T>> {
  const where = `${call.client.baseUrl} (model ${call.client.model})`;
  const schema = { name: call.name, schema: toStrictJsonSchema(call.responseSchema ?? call.schema) };
  let usage = noUsage;
  let lengthRetried = false;
  let maxTokens = call.maxTokens;

  const send = async (messages: readonly ChatMessage[]): Promise<LlmResponse> => {
    const request: LlmRequest = {
      messages,
      schema,
      temperature: call.temperature,
      maxTokens,
      repeat: call.repeat,
    };
    const response = await call.client.complete(request, { signal: call.signal });
    usage = addUsage(usage, usageOf(response));
    if (response.refusal !== null || response.finishReason === 'content_filter') {
      const reason = (response.refusal ?? "the endpoint's content filter stopped the answer")
        .slice(0, 300)
        .replace(/[.\s]+$/, '');
      throw new LlmError(
        'llm.refusal',
        `${where} refused the ${call.name} request: ${reason}. ` +
          'Check the posting for content a model may decline, or try another model.',
        { retryable: false },
      );
    }
    if (response.finishReason === 'length') {
      if (call.onLength === 'retry-larger' && !lengthRetried) {
        lengthRetried = true;
        maxTokens = maxTokens === undefined ? lengthRetryMaxTokens : maxTokens * 2;
        return send(messages);
      }
      throw new LlmError(
        'llm.truncated',
        `${where} stopped the ${call.name} answer at its token limit${maxTokens === undefined ? '' : ` (${maxTokens})`}` +
          ' before it was complete. Raise the max tokens, or use a model with a larger output limit.',
        {
          retryable: false,
          hint: "some local servers default to a small output limit; raise the server's too",
        },
      );
    }
    return response;
  };

  const first = await send(call.messages);
  const firstCheck = check(first.content, call);
  if (firstCheck.ok) return { value: firstCheck.value, usage };

  const repair = renderPrompt(await loadPrompt('repair-output'), {
    schemaName: call.name,
    issues: firstCheck.issues.map((issue) => `- ${issue}`).join('\n'),
  });
  const second = await send([
    ...call.messages,
    { role: 'assistant', content: first.content },
    { role: 'user', content: repair },
  ]);
  const secondCheck = check(second.content, call);
  if (secondCheck.ok) return { value: secondCheck.value, usage };
  throw new LlmError(
    'llm.invalid-output',
    `${where} answered the ${call.name} request with output that does not fit its schema, twice: ` +
      `${secondCheck.issues.slice(0, 5).join('; ')}. ` +
      'Use a model that supports structured output, or try JSON mode (json_object) for this server.',
    { retryable: false },
  );
}
