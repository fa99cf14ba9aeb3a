import type { ChatModel, ModelAnswer, ModelMessage, ModelRequest } from './chat-model.js';
import { UnsupportedSchemaError } from './chat-model.js';
import { RequestError } from './chat-request.js';
import { toGrammarSchema } from './grammar-schema.js';
import {
  type ChatHistoryItem,
  type Grammar,
  loadNodeLlamaCpp,
  type RepeatPenalty,
} from './node-llama-cpp-api.js';

export interface LlamaChatModelOptions {
  /** Where scripts/real-model-setup.mjs installed node-llama-cpp. */
  readonly nodeLlamaCppDir: string;
  /** The GGUF file. */
  readonly modelFile: string;
  /** The id requests name. */
  readonly id: string;
  /** CPU threads. Pass the core count: left to itself, node-llama-cpp ran hundreds of times slower on two cores. */
  readonly threads: number;
  /** Tokens of prompt and answer together; capped at what the model was trained on. */
  readonly contextSize: number;
  /** The output limit when a request sets none (a small model can fill a JSON string for ever). */
  readonly defaultMaxTokens: number;
  /** The seed when a request sets none, so a run repeats. */
  readonly defaultSeed: number;
  /** The temperature when a request sets none (llama.cpp's default). */
  readonly defaultTemperature: number;
  /**
   * The repeat penalty when a request sets none. A 135M model at a low temperature repeats one sentence until the
   * token limit, inside a JSON string too; a penalty over the last few hundred tokens makes it close the string.
   */
  readonly repeatPenalty: RepeatPenalty;
}

export interface LlamaChatModel extends ChatModel {
  /** How the chat becomes the prompt: `JinjaTemplate` when the model file carries its own template. */
  readonly chatTemplate: string;
  readonly contextSize: number;
  close(): Promise<void>;
}

function toHistory(messages: readonly ModelMessage[]): ChatHistoryItem[] {
  return messages.map((message) => {
    if (message.role === 'assistant') return { type: 'model', response: [message.content] };
    return { type: message.role, text: message.content };
  });
}

/** Most distinct schemas whose grammar is kept; a client sends a handful. */
const grammarsKept = 32;

/**
 * A GGUF model behind node-llama-cpp, answering one request at a time (a second waits: two cores gain nothing from
 * running two), with the chat template from the model file and a grammar for JSON answers.
 */
export async function createLlamaChatModel(options: LlamaChatModelOptions): Promise<LlamaChatModel> {
  const library = await loadNodeLlamaCpp(options.nodeLlamaCppDir);
  const llama = await library.getLlama({
    gpu: false,
    build: 'never',
    maxThreads: options.threads,
    logLevel: 'error',
    progressLogs: false,
  });
  const model = await llama.loadModel({ modelPath: options.modelFile });
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  const contextSize = Math.min(options.contextSize, model.trainContextSize);
  const context = await model.createContext({ contextSize, threads: options.threads, sequences: 1 });
  const sequence = context.getSequence();
  const chat = new library.LlamaChat({
    contextSequence: sequence,
    chatWrapper: template === undefined ? 'auto' : new library.JinjaTemplateChatWrapper({ template }),
    autoDisposeSequence: false,
  });
  const jsonGrammar = await llama.getGrammarFor('json');
  const grammars = new Map<string, Grammar>();

  const grammarFor = async (schema: Readonly<Record<string, unknown>>): Promise<Grammar> => {
    const key = JSON.stringify(schema);
    const known = grammars.get(key);
    if (known !== undefined) return known;
    let grammar: Grammar;
    try {
      grammar = await llama.createGrammarForJsonSchema(toGrammarSchema(schema));
    } catch (error) {
      if (error instanceof UnsupportedSchemaError) throw error;
      throw new UnsupportedSchemaError(
        `node-llama-cpp cannot build a grammar for it: ${(error as Error).message}`,
      );
    }
    if (grammars.size >= grammarsKept) grammars.delete(grammars.keys().next().value as string);
    grammars.set(key, grammar);
    return grammar;
  };

  const answer = async (request: ModelRequest, signal: AbortSignal): Promise<ModelAnswer> => {
    signal.throwIfAborted();
    const { format } = request;
    const grammar =
      format.type === 'json_schema'
        ? await grammarFor(format.schema)
        : format.type === 'json_object'
          ? jsonGrammar
          : undefined;
    const history = toHistory(request.messages);
    const promptTokens = chat.chatWrapper
      .generateContextState({ chatHistory: [...history, { type: 'model', response: [] }] })
      .contextText.tokenize(model.tokenizer).length;
    const room = contextSize - promptTokens;
    if (room <= 0) {
      throw new RequestError(
        400,
        `The messages take ${promptTokens} tokens; this model's context holds ${contextSize}. Send less text.`,
        'messages',
        'context_length_exceeded',
      );
    }
    const maxTokens = Math.min(request.maxTokens ?? options.defaultMaxTokens, room);
    // The context keeps what the last request evaluated, so a revision or a repair that repeats its prompt's start
    // skips evaluating it again; the counts above are of the whole prompt all the same, as OpenAI's are.
    let completionTokens = 0;
    const result = await chat.generateResponse(history, {
      ...(grammar === undefined ? {} : { grammar }),
      maxTokens,
      temperature: request.temperature ?? options.defaultTemperature,
      seed: request.seed ?? options.defaultSeed,
      signal,
      repeatPenalty: {
        ...options.repeatPenalty,
        frequencyPenalty: request.frequencyPenalty ?? options.repeatPenalty.frequencyPenalty,
        presencePenalty: request.presencePenalty ?? options.repeatPenalty.presencePenalty,
      },
      onToken: (tokens) => {
        completionTokens += tokens.length;
      },
    });
    return {
      content: result.response,
      finishReason: result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
      promptTokens,
      completionTokens,
    };
  };

  let queue: Promise<unknown> = Promise.resolve();
  return {
    id: options.id,
    chatTemplate: chat.chatWrapper.wrapperName,
    contextSize,
    complete(request, signal) {
      const turn = queue.then(() => answer(request, signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    close: () => llama.dispose(),
  };
}
