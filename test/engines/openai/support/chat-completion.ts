/** What a Chat Completions endpoint answers, shaped exactly like OpenAI's JSON. */
export interface CompletionScript {
  readonly content?: string | null;
  readonly finishReason?: string;
  readonly refusal?: string | null;
  readonly model?: string;
  readonly promptTokens?: number;
  readonly completionTokens?: number;
}

export function chatCompletion(script: CompletionScript = {}): Record<string, unknown> {
  const promptTokens = script.promptTokens ?? 120;
  const completionTokens = script.completionTokens ?? 30;
  return {
    id: 'chatcmpl-test0001',
    object: 'chat.completion',
    created: 1767225600,
    model: script.model ?? 'gpt-test-2026-01-01',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: script.content === undefined ? '{}' : script.content,
          refusal: script.refusal ?? null,
          annotations: [],
        },
        logprobs: null,
        finish_reason: script.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
    system_fingerprint: 'fp_test',
  };
}

/** An OpenAI-style error body. */
export function apiError(
  message: string,
  extra: { type?: string; code?: string | null; param?: string | null } = {},
) {
  return {
    error: {
      message,
      type: extra.type ?? 'invalid_request_error',
      param: extra.param ?? null,
      code: extra.code ?? null,
    },
  };
}
