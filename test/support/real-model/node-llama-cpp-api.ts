import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The part of node-llama-cpp the test server uses, typed here because the package lives in a cache folder outside the
 * project (scripts/real-model-setup.mjs installs it) and is never one of lede's dependencies.
 */
export interface NodeLlamaCpp {
  getLlama(options: {
    gpu: false;
    build: 'never';
    maxThreads: number;
    logLevel: 'error';
    progressLogs: false;
  }): Promise<Llama>;
  readonly JinjaTemplateChatWrapper: new (options: { template: string }) => ChatWrapper;
  readonly LlamaChat: new (options: {
    contextSequence: ContextSequence;
    chatWrapper: ChatWrapper | 'auto';
    autoDisposeSequence: false;
  }) => Chat;
}

export interface Llama {
  loadModel(options: { modelPath: string }): Promise<Model>;
  createGrammarForJsonSchema(schema: Readonly<Record<string, unknown>>): Promise<Grammar>;
  getGrammarFor(type: 'json'): Promise<Grammar>;
  dispose(): Promise<void>;
}

/** Opaque to the server: only passed back to node-llama-cpp. */
export type Grammar = { readonly __brand?: 'Grammar' };
export type Token = number & { readonly __brand?: 'Token' };

export interface Model {
  readonly trainContextSize: number;
  readonly fileInfo: { readonly metadata: { readonly tokenizer?: { readonly chat_template?: string } } };
  readonly tokenizer: Tokenizer;
  createContext(options: { contextSize: number; threads: number; sequences: 1 }): Promise<Context>;
}

export type Tokenizer = { readonly __brand?: 'Tokenizer' };

export interface Context {
  getSequence(): ContextSequence;
}

/** Opaque to the server: the slot of the context a chat evaluates in. */
export type ContextSequence = { readonly __brand?: 'ContextSequence' };

export interface ChatWrapper {
  readonly wrapperName: string;
  generateContextState(options: { chatHistory: ChatHistoryItem[] }): {
    contextText: { tokenize(tokenizer: Tokenizer): Token[] };
  };
}

/** node-llama-cpp's repeat penalty over the last tokens: a multiplier, and OpenAI-style frequency and presence terms. */
export interface RepeatPenalty {
  readonly penalty: number;
  readonly frequencyPenalty: number;
  readonly presencePenalty: number;
  readonly lastTokens: number;
}

export type ChatHistoryItem =
  | { type: 'system'; text: string }
  | { type: 'user'; text: string }
  | { type: 'model'; response: string[] };

export interface Chat {
  readonly chatWrapper: ChatWrapper;
  generateResponse(
    history: ChatHistoryItem[],
    options: {
      grammar?: Grammar;
      maxTokens: number;
      temperature: number;
      seed: number;
      signal: AbortSignal;
      onToken: (tokens: Token[]) => void;
      repeatPenalty: RepeatPenalty;
    },
  ): Promise<{ response: string; metadata: { stopReason: string } }>;
}

/** Imports node-llama-cpp from the folder the setup script installed it in. */
export async function loadNodeLlamaCpp(folder: string): Promise<NodeLlamaCpp> {
  const entry = join(folder, 'node_modules', 'node-llama-cpp', 'dist', 'index.js');
  return (await import(pathToFileURL(entry).href)) as NodeLlamaCpp;
}
