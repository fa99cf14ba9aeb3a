import type { ChatCompletion } from 'openai/resources/chat/completions';
import { LlmError } from '../../errors.js';
import type { LlmResponse } from './llm-client.js';
import type { Endpoint } from './openai-sdk.js';
import { isSecretKey } from './scrub-secrets.js';

/** The exact key only: credential-shaped patterns could mangle a letter's own words. */
function withoutKey(text: string, apiKey: string | undefined): string {
  return isSecretKey(apiKey) ? text.split(apiKey).join('[redacted]') : text;
}

/**
 * A chat completion (a direct answer, or a Batch API result line's body) as the answer lede keeps. A server can see
 * the key, so the key is cut from what it says before the text reaches a letter, a report or a stored answer.
 */
export function toResponse(completion: ChatCompletion, endpoint: Endpoint): LlmResponse {
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (choice === undefined || choice.message === undefined || choice.message === null) {
    throw new LlmError(
      'llm.bad-response',
      `${endpoint.where} answered without any choice. Check OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint.`,
      { retryable: true },
    );
  }
  const refusal = choice.message.refusal;
  const { apiKey } = endpoint;
  return {
    content: withoutKey(choice.message.content ?? '', apiKey),
    finishReason: choice.finish_reason ?? 'unknown',
    refusal: typeof refusal === 'string' && refusal.trim() !== '' ? withoutKey(refusal, apiKey) : null,
    model:
      typeof completion.model === 'string' && completion.model !== '' ? completion.model : endpoint.model,
    promptTokens: completion.usage?.prompt_tokens ?? 0,
    completionTokens: completion.usage?.completion_tokens ?? 0,
    cached: false,
  };
}
