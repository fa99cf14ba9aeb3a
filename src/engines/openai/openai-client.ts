import OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { fetchWithCappedBody } from './capped-fetch.js';
import { type Adaptations, buildBody, firstAdaptations, type JsonMode } from './chat-body.js';
import { toResponse } from './chat-response.js';
import { type EndpointOptions, endpointName } from './endpoint-options.js';
import type { LlmClient, LlmRequest } from './llm-client.js';
import { createOpenAiSdk } from './openai-sdk.js';
import { fetchGuardingRedirects } from './redirect-guard.js';
import { toLlmError } from './to-llm-error.js';

export interface OpenAiClientOptions extends EndpointOptions {
  /**
   * `json_schema` (default) sends the schema as `response_format`; `json_object` is for servers without JSON Schema
   * support and puts the schema in the system prompt. A server that rejects `json_schema` with a 400 saying so is
   * switched to `json_object` automatically for the rest of the run.
   */
  readonly jsonMode?: JsonMode | undefined;
  /** Told, once each, when the client adapts to what the server accepts (JSON mode, max_completion_tokens, ...). */
  readonly onNotice?: ((message: string) => void) | undefined;
}

type ApiError = InstanceType<typeof OpenAI.APIError>;

function errorText(error: ApiError): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : error.message;
  return [message, error.param ?? '', error.code ?? ''].join(' ');
}

/** Which adaptation a 400 asks for, if any; `undefined` means the error is real. */
function adaptationFor(
  error: unknown,
  request: LlmRequest,
  state: Adaptations,
): keyof Adaptations | undefined {
  if (!(error instanceof OpenAI.APIError) || (error.status !== 400 && error.status !== 422)) return undefined;
  const text = errorText(error);
  if (
    state.tokenParameter === 'max_tokens' &&
    request.maxTokens !== undefined &&
    (error.param === 'max_tokens' || /max_completion_tokens/.test(text))
  ) {
    return 'tokenParameter';
  }
  if (
    state.sendTemperature &&
    request.temperature !== undefined &&
    (error.param === 'temperature' || /\btemperature\b/i.test(text))
  ) {
    return 'sendTemperature';
  }
  if (
    state.jsonMode === 'json_schema' &&
    request.schema !== undefined &&
    /response_format|json_schema|json schema|structured output/i.test(text)
  ) {
    return 'jsonMode';
  }
  return undefined;
}

const notices: Record<keyof Adaptations, string> = {
  jsonMode: 'does not accept JSON Schema output; using JSON mode with the schema in the prompt',
  tokenParameter: 'rejects max_tokens; sending max_completion_tokens instead',
  sendTemperature: 'rejects the temperature setting for this model; using the model default',
};

/**
 * The LlmClient over any OpenAI-compatible Chat Completions endpoint (OpenAI, Azure, Ollama, vLLM, llama.cpp,
 * LM Studio). Transport retries are the SDK's (`maxRetries`); this adds none, except one resend per thing the server
 * turns out not to accept (JSON Schema, max_tokens, temperature).
 */
export function createOpenAiClient(options: OpenAiClientOptions): LlmClient {
  const where = endpointName(options.baseUrl, options.model);
  const { sdk, endpoint } = createOpenAiSdk({
    ...options,
    fetch: fetchWithCappedBody(
      fetchGuardingRedirects(options.fetch ?? ((input, init) => fetch(input, init))),
      where,
    ),
  });
  const state = firstAdaptations(options.jsonMode);

  return {
    model: options.model,
    baseUrl: endpoint.baseUrl,
    async complete(request, callOptions = {}) {
      for (;;) {
        const body = await buildBody(options.model, request, state);
        let completion: ChatCompletion;
        try {
          completion = await sdk.chat.completions.create(body, { signal: callOptions.signal });
        } catch (error) {
          const adaptation = adaptationFor(error, request, state);
          if (adaptation === undefined) throw toLlmError(error, endpoint);
          if (adaptation === 'jsonMode') state.jsonMode = 'json_object';
          if (adaptation === 'tokenParameter') state.tokenParameter = 'max_completion_tokens';
          if (adaptation === 'sendTemperature') state.sendTemperature = false;
          options.onNotice?.(`${endpoint.where} ${notices[adaptation]}`);
          continue;
        }
        return toResponse(completion, endpoint);
      }
    },
  };
}
