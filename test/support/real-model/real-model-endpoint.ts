import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServedRequest } from './chat-server.js';

const root = join(import.meta.dirname, '..', '..', '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

/** The endpoint the real-model tests drive lede against. */
export interface RealModelEndpoint {
  readonly baseUrl: string;
  readonly model: string;
  /** The key lede is given, so the tests can show it never comes back out (empty for a server that needs none). */
  readonly apiKey: string;
  /** The test server's request log; absent for any other endpoint, whose counts the tests cannot see. */
  readonly statsUrl: string | undefined;
}

export type RealModelPlan =
  | { readonly kind: 'run'; readonly endpoint: RealModelEndpoint }
  | { readonly kind: 'skip'; readonly reason: string };

/** Most time one lede command may take before the test gives up on it. */
export const commandTimeoutMs = 480_000;

/**
 * Whether the real-model tests run: only when an endpoint is named (scripts/real-model-run.mjs names the SmolLM2 test
 * server it started). Otherwise they skip and say why, or fail where LEDE_REQUIRE_REAL_MODEL=1 (CI).
 */
export function realModelPlan(env: NodeJS.ProcessEnv, cliBuilt = existsSync(cli)): RealModelPlan {
  const baseUrl = env.LEDE_REAL_MODEL_BASE_URL?.trim() ?? '';
  const required = env.LEDE_REQUIRE_REAL_MODEL === '1';
  let missing: string | undefined;
  if (baseUrl === '') {
    missing = 'no model endpoint: LEDE_REAL_MODEL_BASE_URL is unset (npm run check:real-model starts one)';
  } else if (!cliBuilt) missing = `${cli} is missing (run npm run build)`;
  if (missing !== undefined) {
    if (required) throw new Error(`LEDE_REQUIRE_REAL_MODEL=1, but ${missing}`);
    return { kind: 'skip', reason: `${missing}; set LEDE_REQUIRE_REAL_MODEL=1 to make that a failure` };
  }
  const model = env.LEDE_REAL_MODEL_NAME?.trim() ?? '';
  if (model === '')
    throw new Error('LEDE_REAL_MODEL_BASE_URL is set: set LEDE_REAL_MODEL_NAME to the model it serves');
  return {
    kind: 'run',
    endpoint: {
      baseUrl,
      model,
      apiKey: env.LEDE_REAL_MODEL_API_KEY ?? '',
      statsUrl: env.LEDE_REAL_MODEL_STATS_URL?.trim() || undefined,
    },
  };
}

/** The plan for this run; a skip is said on stderr where `npm test` shows it (the reporter counts skips silently). */
export function realModelEndpoint(): RealModelEndpoint | undefined {
  const plan = realModelPlan(process.env);
  if (plan.kind === 'run') return plan.endpoint;
  console.warn(`skipped: ${plan.reason}`);
  return undefined;
}

export interface LedeRun {
  /** The exit code; null when the test's time limit killed it. */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The built lede as a user runs it, against the endpoint: its settings in the environment, as a user's shell or .env
 * holds them, and nothing else of the developer's own (no key, model or engine leaks in).
 */
export function runLede(endpoint: RealModelEndpoint, args: readonly string[]): Promise<LedeRun> {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(OPENAI_|LEDE_)/.test(name)) env[name] = value;
  }
  Object.assign(env, {
    OPENAI_BASE_URL: endpoint.baseUrl,
    OPENAI_API_KEY: endpoint.apiKey,
    LEDE_MODEL: endpoint.model,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, timeout: commandTimeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every chat request the test server has served so far; undefined for an endpoint that is not the test server. */
export async function servedRequests(
  endpoint: RealModelEndpoint,
): Promise<readonly ServedRequest[] | undefined> {
  if (endpoint.statsUrl === undefined) return undefined;
  const response = await fetch(endpoint.statsUrl);
  if (!response.ok) throw new Error(`${endpoint.statsUrl} answered HTTP ${response.status}`);
  return ((await response.json()) as { served: ServedRequest[] }).served;
}

/** Calls and tokens as lede counts them, from what the server served. */
export function usageOf(served: readonly ServedRequest[]): {
  calls: number;
  promptTokens: number;
  completionTokens: number;
} {
  return {
    calls: served.length,
    promptTokens: served.reduce((sum, request) => sum + request.promptTokens, 0),
    completionTokens: served.reduce((sum, request) => sum + request.completionTokens, 0),
  };
}
