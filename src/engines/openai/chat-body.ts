import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { loadPrompt } from '../../prompts/load-prompt.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import type { ChatMessage, LlmRequest } from './llm-client.js';

/** How structured output is asked for. */
export type JsonMode = 'json_schema' | 'json_object';

/** What the client has learned the server does not accept; each flips at most once, so fallbacks are bounded. */
export interface Adaptations {
  jsonMode: JsonMode;
  tokenParameter: 'max_tokens' | 'max_completion_tokens';
  sendTemperature: boolean;
}

/** What a client assumes before the server has said otherwise. */
export function firstAdaptations(jsonMode: JsonMode | undefined): Adaptations {
  return { jsonMode: jsonMode ?? 'json_schema', tokenParameter: 'max_tokens', sendTemperature: true };
}

async function withJsonInstruction(request: LlmRequest): Promise<ChatMessage[]> {
  const messages = [...request.messages];
  if (request.schema === undefined) return messages;
  const instruction = renderPrompt(await loadPrompt('json-object-instruction'), {
    schemaName: request.schema.name,
    schema: JSON.stringify(request.schema.schema, null, 2),
  });
  const systemIndex = messages.findIndex((message) => message.role === 'system');
  const system = messages[systemIndex];
  if (system === undefined) return [{ role: 'system', content: instruction }, ...messages];
  messages[systemIndex] = { role: 'system', content: `${system.content}\n\n${instruction}` };
  return messages;
}

/** The Chat Completions body for a request: what a direct call sends, and the `body` of a Batch API request line. */
export async function buildBody(
  model: string,
  request: LlmRequest,
  state: Adaptations,
): Promise<ChatCompletionCreateParamsNonStreaming> {
  const jsonObject = request.schema !== undefined && state.jsonMode === 'json_object';
  const messages = jsonObject ? await withJsonInstruction(request) : request.messages;
  const body: ChatCompletionCreateParamsNonStreaming = {
    model,
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
  };
  if (request.temperature !== undefined && state.sendTemperature) body.temperature = request.temperature;
  if (request.maxTokens !== undefined) {
    if (state.tokenParameter === 'max_tokens') body.max_tokens = request.maxTokens;
    else body.max_completion_tokens = request.maxTokens;
  }
  if (request.schema !== undefined) {
    body.response_format = jsonObject
      ? { type: 'json_object' }
      : {
          type: 'json_schema',
          json_schema: { name: request.schema.name, schema: request.schema.schema, strict: true },
        };
  }
  return body;
}
