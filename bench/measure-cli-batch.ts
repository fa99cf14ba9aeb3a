import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatchSummary } from '../src/batch/batch-summary.js';
import { type FakeServerOptions, startFakeOpenAiServer } from './fake-openai-server.js';

export interface CliBatchScenario {
  readonly name: string;
  readonly postings: string;
  readonly count: number;
  readonly concurrency: number;
  readonly server: FakeServerOptions & { readonly latencyMs: number };
  readonly profile: string;
  readonly out: string;
  readonly cliMain: string;
}

export interface CliBatchMeasurement {
  readonly scenario: CliBatchScenario;
  readonly wallMs: number;
  /** N x calls per letter x L / C. */
  readonly idealMs: number;
  /**
   * From the server's first chat request to its last answer: the batch's calls, without the CLI's start-up (loading,
   * reading the playbooks and the profile) and its ending (summary, review page). The ideal models this part.
   */
  readonly callsMs: number;
  readonly callsPerLetter: number;
  readonly tokensPerLetter: number;
  readonly peakRssBytes: number | undefined;
  readonly finished: number;
  readonly failed: number;
  readonly exitCode: number | null;
  readonly serverRequests: number;
  readonly rateLimited: number;
  readonly serverErrors: number;
}

/** Peak resident set size of a live process, from Linux's /proc (VmHWM); undefined elsewhere or once it exited. */
async function peakRss(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Runs the real CLI (`node dist/src/cli/main.js batch ... --engine openai`) against the local fake server and measures
 * wall time against the ideal, calls and tokens per letter, and the CLI process's peak RSS.
 */
export async function measureCliBatch(scenario: CliBatchScenario): Promise<CliBatchMeasurement> {
  const server = await startFakeOpenAiServer(scenario.server);
  try {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (!key.startsWith('OPENAI_') && !key.startsWith('LEDE_')) env[key] = value;
    }
    env.OPENAI_BASE_URL = server.url;
    env.OPENAI_API_KEY = 'test-key-not-real';
    const args = [
      scenario.cliMain,
      'batch',
      scenario.postings,
      '--profile',
      scenario.profile,
      '--out',
      scenario.out,
      '--engine',
      'openai',
      '--model',
      'gpt-4o-mini',
      '--concurrency',
      String(scenario.concurrency),
      '--max-attempts',
      '1',
      '--cache',
      'off',
      '--quiet',
      '--json',
    ];
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    let peak: number | undefined;
    const poll = setInterval(() => {
      void peakRss(child.pid ?? 0).then((value) => {
        if (value !== undefined) peak = Math.max(peak ?? 0, value);
      });
    }, 25);
    const exitCode = await new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    );
    clearInterval(poll);
    const wallMs = performance.now() - started;
    if (exitCode !== 0 && exitCode !== 1) {
      throw new Error(
        `lede batch exited ${exitCode} in scenario ${scenario.name}:\n${stderr.slice(0, 2000)}`,
      );
    }
    const summary = JSON.parse(await readFile(join(scenario.out, 'summary.json'), 'utf8')) as BatchSummary;
    const finished = summary.counts.passed + summary.counts.passedAfterRevision + summary.counts.failed;
    const callsPerLetter = summary.usage.calls / Math.max(1, finished);
    return {
      scenario,
      wallMs,
      idealMs: (scenario.count * callsPerLetter * scenario.server.latencyMs) / scenario.concurrency,
      callsMs: (server.stats.lastAnswerMs ?? 0) - (server.stats.firstRequestMs ?? 0),
      callsPerLetter,
      tokensPerLetter: (summary.usage.promptTokens + summary.usage.completionTokens) / Math.max(1, finished),
      peakRssBytes: peak,
      finished,
      failed: summary.counts.error + summary.counts.badInput + summary.counts.notRun,
      exitCode,
      serverRequests: server.stats.chatRequests,
      rateLimited: server.stats.rateLimited,
      serverErrors: server.stats.serverErrors,
    };
  } finally {
    await server.close();
  }
}
