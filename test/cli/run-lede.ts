import { runCli } from '../../src/cli/run-cli.js';
import type { StdinStream } from '../../src/input/read-stdin.js';
import type { Engine } from '../../src/pipeline/engine.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

export interface LedeRun {
  readonly exitCode: number;
  readonly stdout: string;
  /** What was written to stdout as bytes (a DOCX or PDF letter); absent when nothing was, so runs compare whole. */
  readonly stdoutBytes?: Buffer;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
  readonly engine?: Engine;
  readonly signal?: AbortSignal;
  /** What `-` reads; without it, standard input reads as a terminal. */
  readonly stdin?: StdinStream;
  readonly fetch?: typeof globalThis.fetch;
  /** Run as if stdout were a terminal (default: redirected, as in CI). */
  readonly stdoutIsTty?: boolean;
  readonly now?: () => number;
}

/** Tests never reach the network: without a fetch of their own, only this machine's local test servers answer. */
const localOnlyFetch: typeof globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') throw new Error(`a test tried to fetch ${url.href} from the network`);
  return globalThis.fetch(input, init);
};

/** Runs `lede <argv>` in-process, as main.ts would, with output captured. */
export async function runLede(argv: readonly string[], options: RunOptions): Promise<LedeRun> {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const exitCode = await runCli(argv, {
    io: {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      isTty: false,
      stdoutBytes: (chunk) => bytes.push(chunk),
      stdoutIsTty: options.stdoutIsTty ?? false,
    },
    env: options.env ?? {},
    cwd: options.cwd,
    signal: options.signal,
    engineOverride: options.engine,
    stdin: options.stdin,
    fetch: options.fetch ?? localOnlyFetch,
    now: options.now,
  });
  return { exitCode, stdout, stderr, ...(bytes.length === 0 ? {} : { stdoutBytes: Buffer.concat(bytes) }) };
}

/** A fresh temporary folder, removed after the test file has run. */
export async function temporaryFolder(): Promise<string> {
  return newTemporaryFolder('cli');
}
