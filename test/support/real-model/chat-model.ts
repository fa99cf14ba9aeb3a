/** One message of a chat, as the model sees it (OpenAI's `developer` role arrives here as `system`). */
export interface ModelMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** How the answer is constrained: free text, any JSON value, or JSON following a schema (a grammar either way). */
export type AnswerFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly schema: Readonly<Record<string, unknown>> };

export interface ModelRequest {
  readonly messages: readonly ModelMessage[];
  readonly format: AnswerFormat;
  /** Absent: the model's own default. */
  readonly maxTokens?: number | undefined;
  readonly temperature?: number | undefined;
  readonly seed?: number | undefined;
  /** OpenAI's `frequency_penalty` and `presence_penalty`; absent: the model's defaults. */
  readonly frequencyPenalty?: number | undefined;
  readonly presencePenalty?: number | undefined;
}

export interface ModelAnswer {
  readonly content: string;
  /** `length` when the token limit cut the answer off. */
  readonly finishReason: 'stop' | 'length';
  /** The chat as the model read it, template included. */
  readonly promptTokens: number;
  /** Tokens the model generated. */
  readonly completionTokens: number;
}

/** The port the HTTP server drives: node-llama-cpp in the real server, a fake in the server's own tests. */
export interface ChatModel {
  /** The id `/v1/models` lists and requests must name. */
  readonly id: string;
  complete(request: ModelRequest, signal: AbortSignal): Promise<ModelAnswer>;
}

/** The request's schema cannot become a grammar; the server answers 400 so clients can fall back to JSON mode. */
export class UnsupportedSchemaError extends Error {
  override readonly name = 'UnsupportedSchemaError';
}
