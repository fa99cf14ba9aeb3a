import { z } from 'zod';
import type { AnswerFormat, ModelRequest } from './chat-model.js';

/** A request the server refuses, in the terms of OpenAI's error body. */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

const TextPartSchema = z.object({ type: z.literal('text'), text: z.string() });

const MessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string(), z.array(TextPartSchema)]),
});

const ResponseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
      schema: z.record(z.string(), z.unknown()),
      strict: z.boolean().nullish(),
      description: z.string().optional(),
    }),
  }),
]);

/** The Chat Completions fields this server reads; others (top_p, user, ...) are accepted and ignored. */
const ChatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(MessageSchema).min(1),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  seed: z.number().int().nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  n: z.literal(1).nullish(),
  stream: z.literal(false).nullish(),
  response_format: ResponseFormatSchema.nullish(),
});

export interface ChatRequest extends ModelRequest {
  readonly model: string;
  /** The schema's name, for the server's request log. */
  readonly schemaName: string | null;
}

function formatOf(format: z.infer<typeof ResponseFormatSchema> | null | undefined): AnswerFormat {
  if (format === undefined || format === null || format.type === 'text') return { type: 'text' };
  if (format.type === 'json_object') return { type: 'json_object' };
  return { type: 'json_schema', schema: format.json_schema.schema };
}

/** The body of POST /v1/chat/completions, checked; a bad one is a 400 naming the field. */
export function parseChatRequest(body: unknown): ChatRequest {
  const parsed = ChatRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue === undefined ? null : issue.path.map(String).join('.');
    const what =
      issue?.path[0] === 'stream' || issue?.path[0] === 'n'
        ? 'is not supported by this server'
        : issue?.message;
    throw new RequestError(400, `${param}: ${what}`, param, 'invalid_request_error');
  }
  const request = parsed.data;
  return {
    model: request.model,
    messages: request.messages.map((message) => ({
      role: message.role === 'developer' ? 'system' : message.role,
      content:
        typeof message.content === 'string'
          ? message.content
          : message.content.map((part) => part.text).join(''),
    })),
    format: formatOf(request.response_format),
    maxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    temperature: request.temperature ?? undefined,
    seed: request.seed ?? undefined,
    frequencyPenalty: request.frequency_penalty ?? undefined,
    presencePenalty: request.presence_penalty ?? undefined,
    schemaName:
      request.response_format?.type === 'json_schema' ? request.response_format.json_schema.name : null,
  };
}
