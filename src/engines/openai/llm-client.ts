/** One chat message. Posting and profile text only ever travel inside a user message, between delimiters. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A JSON Schema the answer must follow (structured output), with the name the endpoint reports it under. */
export interface ResponseSchema {
  readonly name: string;
  readonly schema: Record<string, unknown>;
}

export interface LlmRequest {
  readonly messages: readonly ChatMessage[];
  /** Ask for JSON following this schema; absent for free text. */
  readonly schema?: ResponseSchema | undefined;
  readonly temperature?: number | undefined;
  readonly maxTokens?: number | undefined;
  /** Which repeat of the same request this is (eval `--repeat`), so the cache keeps repeats apart. */
  readonly repeat?: number | undefined;
}

export interface LlmResponse {
  readonly content: string;
  /** stop, length, content_filter, ... as the endpoint said. */
  readonly finishReason: string;
  /** The model's refusal text, when it refused. */
  readonly refusal: string | null;
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** True when answered from the response cache. */
  readonly cached: boolean;
}

/**
 * The narrow port every LLM-backed stage depends on. The openai adapter implements it; tests pass a fake that
 * records its calls; the response cache wraps any implementation.
 */
export interface LlmClient {
  readonly model: string;
  readonly baseUrl: string;
  complete(request: LlmRequest, options?: { signal?: AbortSignal | undefined }): Promise<LlmResponse>;
}
