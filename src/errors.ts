/**
 * lede's error taxonomy. Every error carries a stable `code` that callers branch on, the data that explains it, and
 * the original error as `cause`. Errors become text in exactly one place: `src/cli/format-error.ts`.
 */

/** Process exit codes, documented in `lede --help` and the README. */
export const ExitCode = {
  ok: 0,
  /** The letter (or at least one letter in a batch) fails an error-level rule. */
  rulesFailed: 1,
  /** Bad usage or unreadable/invalid input: a file, a flag, a profile, a playbook. */
  badInput: 2,
  /** The model endpoint failed in a way retrying cannot fix (auth, quota, unknown model, refusal). */
  llmFailed: 3,
  /** Writing output failed (permissions, disk full). */
  outputFailed: 4,
  /** Interrupted by SIGINT/SIGTERM. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface LedeErrorOptions {
  /** Where the problem is: a file path, optionally with a field path or line. */
  file?: string | undefined;
  /** Dotted field path (`achievements[2].metrics`) or a line number, when known. */
  field?: string | undefined;
  line?: number | undefined;
  /** What the user should do about it. */
  hint?: string | undefined;
  cause?: unknown;
}

export class LedeError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;

  constructor(
    code: string,
    message: string,
    options: LedeErrorOptions = {},
    exitCode: ExitCode = ExitCode.badInput,
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.file = options.file;
    this.field = options.field;
    this.line = options.line;
    this.hint = options.hint;
    this.exitCode = exitCode;
  }
}

/** A flag, environment variable or config file value is wrong. */
export class ConfigError extends LedeError {
  constructor(code: `config.${string}`, message: string, options: LedeErrorOptions = {}) {
    super(code, message, options, ExitCode.badInput);
  }
}

/** A posting, profile, letter or playbook cannot be read or does not validate. */
export class InputError extends LedeError {
  constructor(
    code: `${'posting' | 'profile' | 'letter' | 'playbook' | 'input' | 'dataset'}.${string}`,
    message: string,
    options: LedeErrorOptions = {},
  ) {
    super(code, message, options, ExitCode.badInput);
  }
}

/** Writing a letter, report or manifest failed. */
export class OutputError extends LedeError {
  constructor(code: `output.${string}`, message: string, options: LedeErrorOptions = {}) {
    super(code, message, options, ExitCode.outputFailed);
  }
}

/** The model endpoint failed, refused, or answered with something unusable after the allowed repairs. */
export class LlmError extends LedeError {
  /** True when trying again later can help (rate limits, 5xx, timeouts); false for auth, quota, unknown model. */
  readonly retryable: boolean;
  readonly status: number | undefined;
  /** Seconds the endpoint asked to wait before the next request (a 429's retry-after), when it said. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    code: `llm.${string}`,
    message: string,
    options: LedeErrorOptions & {
      retryable?: boolean;
      status?: number | undefined;
      retryAfterSeconds?: number | undefined;
    } = {},
  ) {
    super(code, message, options, ExitCode.llmFailed);
    this.retryable = options.retryable ?? false;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The run was stopped by a signal or a budget. */
export class AbortedError extends LedeError {
  constructor(code: `aborted.${string}`, message: string, options: LedeErrorOptions = {}) {
    super(code, message, options, ExitCode.interrupted);
  }
}
