// The real-model test server: SmolLM2 (or any GGUF chat model) behind an OpenAI-compatible API on 127.0.0.1.
//
//   node dist/test/support/real-model/main.js --model-file <gguf> --node-llama-cpp <folder> [--port 0] [--threads 2]
//
// scripts/real-model-setup.mjs prints both paths; scripts/real-model-run.mjs starts this, runs test/real-model and
// stops it. When a key is in LEDE_REAL_MODEL_SERVER_KEY, requests must carry it. Prints one JSON line on stdout once
// it listens ({ baseUrl, model, chatTemplate, threads, contextSize }), and stops on SIGTERM or SIGINT.
import { parseArgs } from 'node:util';
import { startChatServer } from './chat-server.js';
import { createLlamaChatModel } from './llama-chat-model.js';

const defaults = {
  'model-id': 'smollm2-135m-instruct',
  port: '0',
  threads: '2',
  'context-size': '8192',
  'max-tokens': '1024',
  seed: '7',
  'repeat-penalty': '1.3',
};

function readArguments(): Record<string, string> {
  const { values } = parseArgs({
    options: {
      'model-file': { type: 'string' },
      'node-llama-cpp': { type: 'string' },
      ...Object.fromEntries(Object.keys(defaults).map((name) => [name, { type: 'string' as const }])),
    },
  });
  const given = Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return { ...defaults, ...given };
}

function numberOf(values: Record<string, string>, name: string, whole = true): number {
  const number = Number(values[name]);
  if (!Number.isFinite(number) || number < 0 || (whole && !Number.isInteger(number))) {
    throw new Error(`--${name} must be a ${whole ? 'whole ' : ''}number, 0 or more (got ${values[name]})`);
  }
  return number;
}

async function main(): Promise<void> {
  const values = readArguments();
  const modelFile = values['model-file'];
  const nodeLlamaCppDir = values['node-llama-cpp'];
  if (modelFile === undefined || nodeLlamaCppDir === undefined) {
    throw new Error(
      '--model-file and --node-llama-cpp are required (node scripts/real-model-setup.mjs prints both)',
    );
  }
  const threads = numberOf(values, 'threads');
  const model = await createLlamaChatModel({
    modelFile,
    nodeLlamaCppDir,
    id: values['model-id'] ?? defaults['model-id'],
    threads,
    contextSize: numberOf(values, 'context-size'),
    defaultMaxTokens: numberOf(values, 'max-tokens'),
    defaultSeed: numberOf(values, 'seed'),
    defaultTemperature: 0.8,
    repeatPenalty: {
      penalty: numberOf(values, 'repeat-penalty', false),
      frequencyPenalty: 0.3,
      presencePenalty: 0.3,
      lastTokens: 256,
    },
  });
  const server = await startChatServer({
    model,
    apiKey: process.env.LEDE_REAL_MODEL_SERVER_KEY || undefined,
    port: numberOf(values, 'port'),
  });
  const stop = async () => {
    await server.close();
    await model.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  console.log(
    JSON.stringify({
      baseUrl: server.baseUrl,
      model: model.id,
      chatTemplate: model.chatTemplate,
      threads,
      contextSize: model.contextSize,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`real-model server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
