/**
 * lede's error taxonomy. Every error carries a stable `code` that callers branch on, the data that explains it, and
 * the original error as `cause`. Errors become text, and exit codes, in exactly one place: `src/cli/`.
 */

/** The kinds of file lede reads as text, and what can go wrong reading one (`src/input/read-text-file.ts`). */
const textFileKinds = ['posting', 'profile', 'letter', 'playbook', 'input', 'dataset', 'resume'] as const;
const textFileProblems = [
  'not-found',
  'link-loop',
  'is-folder',
  'not-a-file',
  'unreadable',
  'too-large',
  'binary',
] as const;
/** The kinds of file lede parses as YAML or JSON (`src/input/parse-data-file.ts`). */
const dataFileKinds = ['profile', 'playbook', 'dataset', 'input', 'overrides'] as const;

function codesFor<const Kind extends string, const Problem extends string>(
  kinds: readonly Kind[],
  problems: readonly Problem[],
): `${Kind}.${Problem}`[] {
  return kinds.flatMap((kind) => problems.map((problem) => `${kind}.${problem}` as const));
}

/**
 * Every error code lede throws, by family (one family per error class). Users and scripts depend on them: add a code
 * here before throwing it, and never rename one.
 */
export const errorCodes = {
  config: [
    'config.bless-with-filter',
    'config.file-ambiguous',
    'config.file-not-a-mapping',
    'config.file-not-found',
    'config.format-conflict',
    'config.format-to-terminal',
    'config.filter-matches-nothing',
    'config.invalid',
    'config.invalid-filter',
    'config.missing-api-key',
    'config.missing-profile',
    'config.no-price',
    'config.out-holds-postings',
    'config.out-is-input',
    'config.prompt-missing',
    'config.prompt-slot',
    'config.secret-in-file',
    'config.unknown-baseline',
    'config.unknown-industry',
    'config.unknown-key',
    'config.unsupported-format',
    'config.via-needs-openai',
  ],
  input: [
    ...codesFor(textFileKinds, textFileProblems),
    ...codesFor(dataFileKinds, ['syntax']),
    // A PDF or Word document lede could not take text from (`src/input/read-document.ts`).
    ...codesFor(['posting', 'resume'], ['document-damaged', 'document-encrypted', 'document-no-text']),
    // A web address given for a profile or a letter (postings may be fetched from one).
    ...codesFor(['profile', 'letter'], ['is-url']),
    // `-` for standard input (`src/input/read-stdin.ts`).
    ...codesFor(['posting', 'letter'], ['stdin-is-terminal']),
    'input.stdin-twice',
    // A posting fetched from a web address (`src/posting/fetch-posting.ts`).
    'posting.url-invalid',
    'posting.url-scheme',
    'posting.url-dns',
    'posting.url-refused',
    'posting.url-timeout',
    'posting.url-failed',
    'posting.url-status',
    'posting.url-redirect-loop',
    'posting.url-redirect-private',
    'posting.url-too-many-redirects',
    'posting.url-content-type',
    'posting.url-too-large',
    'posting.boilerplate-only',
    'posting.empty',
    'posting.not-english',
    'posting.too-short',
    'posting.unsupported-type',
    'profile.empty',
    'profile.invalid',
    'profile.no-facts',
    'profile.not-a-mapping',
    // `lede init --from`: a resume lede read but found no achievement lines in.
    'resume.no-achievements',
    'profile.yaml',
    'letter.empty',
    'letter.unsupported-type',
    'playbook.folder-missing',
    'playbook.invalid',
    'playbook.missing',
    'playbook.name-mismatch',
    'input.exists',
    'input.folder-not-found',
    'input.folder-unreadable',
    'input.not-a-folder',
    'input.not-batch-output',
    'input.prices-invalid',
    'overrides.invalid',
    'dataset.baseline-invalid',
    'dataset.baseline-unreadable',
    'dataset.duplicate-case',
    'dataset.duplicate-posting',
    'dataset.folder-missing',
    'dataset.invalid',
    'dataset.missing-posting',
    'dataset.unknown-industry',
    'dataset.unknown-posting',
    'dataset.unknown-profile',
    'dataset.unlabelled-posting',
  ],
  output: [
    'output.baseline-write',
    'output.cache-write',
    'output.eval-write',
    'output.folder-failed',
    'output.folder-locked',
    'output.manifest-corrupt',
    'output.manifest-invalid',
    'output.manifest-unreadable',
    'output.manifest-write-failed',
    'output.write-failed',
  ],
  llm: [
    'llm.absurd-wait',
    'llm.auth',
    'llm.bad-request',
    'llm.bad-response',
    'llm.batch-api-unavailable',
    'llm.batch-failed',
    'llm.batch-request-failed',
    'llm.batch-rounds',
    'llm.cache-invalid',
    'llm.cache-miss',
    'llm.cache-unreadable',
    'llm.connection',
    'llm.invalid-output',
    'llm.letter-too-long',
    'llm.model-not-found',
    'llm.quota',
    'llm.rate-limit',
    'llm.redirected',
    'llm.refusal',
    'llm.response-too-large',
    'llm.server',
    'llm.timeout',
    'llm.truncated',
  ],
  aborted: ['aborted.signal'],
} as const;

export type ConfigErrorCode = (typeof errorCodes.config)[number];
export type InputErrorCode = (typeof errorCodes.input)[number];
export type OutputErrorCode = (typeof errorCodes.output)[number];
export type LlmErrorCode = (typeof errorCodes.llm)[number];
export type AbortedErrorCode = (typeof errorCodes.aborted)[number];
export type ErrorCode = ConfigErrorCode | InputErrorCode | OutputErrorCode | LlmErrorCode | AbortedErrorCode;

/** For codes read back from a file lede wrote (the Batch API's stored answers). */
export function isLlmErrorCode(code: string): code is LlmErrorCode {
  return (errorCodes.llm as readonly string[]).includes(code);
}

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

/** The base of the five families below; lede throws only those. */
export abstract class LedeError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: LedeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.file = options.file;
    this.field = options.field;
    this.line = options.line;
    this.hint = options.hint;
  }
}

/** A flag, environment variable or config file value is wrong. */
export class ConfigError extends LedeError {
  declare readonly code: ConfigErrorCode;
  constructor(code: ConfigErrorCode, message: string, options: LedeErrorOptions = {}) {
    super(code, message, options);
  }
}

/** A posting, profile, letter, playbook or dataset cannot be read or does not validate. */
export class InputError extends LedeError {
  declare readonly code: InputErrorCode;
  constructor(code: InputErrorCode, message: string, options: LedeErrorOptions = {}) {
    super(code, message, options);
  }
}

/** Writing a letter, report or manifest failed. */
export class OutputError extends LedeError {
  declare readonly code: OutputErrorCode;
  constructor(code: OutputErrorCode, message: string, options: LedeErrorOptions = {}) {
    super(code, message, options);
  }
}

/** The model endpoint failed, refused, or answered with something unusable after the allowed repairs. */
export class LlmError extends LedeError {
  declare readonly code: LlmErrorCode;
  /** True when trying again later can help (rate limits, 5xx, timeouts); false for auth, quota, unknown model. */
  readonly retryable: boolean;
  readonly status: number | undefined;
  /** Seconds the endpoint asked to wait before the next request (a 429's retry-after), when it said. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    code: LlmErrorCode,
    message: string,
    options: LedeErrorOptions & {
      retryable?: boolean;
      status?: number | undefined;
      retryAfterSeconds?: number | undefined;
    } = {},
  ) {
    super(code, message, options);
    this.retryable = options.retryable ?? false;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The run was stopped by a signal. */
export class AbortedError extends LedeError {
  declare readonly code: AbortedErrorCode;
  constructor(code: AbortedErrorCode, message: string, options: LedeErrorOptions = {}) {
    super(code, message, options);
  }
}
