import type { Rule } from '../critic/rule.js';
import type { StdinStream } from '../input/read-stdin.js';
import type { Engine } from '../pipeline/engine.js';
import type { ExitCode } from './exit-code.js';

/** Where a command writes. Tests capture both streams in memory. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal (live progress bar); false in CI and tests. */
  readonly isTty: boolean;
  /** Writes bytes to stdout as they are (a DOCX or PDF letter); absent where stdout takes text only. */
  readonly stdoutBytes?: ((bytes: Uint8Array) => void) | undefined;
  /** True when stdout is a terminal, where a DOCX or PDF would be noise; false when piped or redirected. */
  readonly stdoutIsTty?: boolean | undefined;
}

/**
 * What every command handler receives from the composition root (`main.ts`), so tests can drive the whole program
 * in-process with captured output, a temporary cwd, a fake environment and a fake engine.
 */
export interface CliContext {
  readonly io: CliIo;
  /** The environment, read only by `resolveConfig`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on SIGINT/SIGTERM by main.ts. */
  readonly signal?: AbortSignal | undefined;
  /** Standard input, read for a `-` argument (a posting, or the letter in `lede check`); undefined reads as a terminal. */
  readonly stdin?: StdinStream | undefined;
  /** The fetch for a posting given as a web address: Node's own from main.ts, a recording one in tests. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Overrides engine construction (tests); by default the engine is built from the resolved config. */
  readonly engineOverride?: Engine | undefined;
  /** Replaces the clock of `lede eval`'s timings and of a letter's date (tests: deterministic times and dates). */
  readonly now?: (() => number) | undefined;
  /** Replaces the critic's rules in `lede eval` (tests: a rulebook that does not change under them). */
  readonly rules?: readonly Rule[] | undefined;
  /**
   * Reports an outcome that is not an error but is not success either (exit 1: a letter fails an error-level rule).
   * `runCli` provides it and exits with the highest code reported; errors still travel as thrown `LedeError`s.
   */
  readonly setExitCode?: ((code: ExitCode) => void) | undefined;
}
