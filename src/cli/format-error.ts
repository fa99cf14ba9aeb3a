import { scrubSecrets } from '../engines/openai/scrub-secrets.js';
import { AbortedError, LedeError } from '../errors.js';
import { ExitCode } from './exit-code.js';
import { exitCodeFor } from './exit-code-for.js';

export interface FormatErrorOptions {
  /** Show stack traces and causes (`--verbose`). */
  readonly verbose: boolean;
  /** The API key, scrubbed from the text (credential-shaped strings are scrubbed anyway). */
  readonly apiKey?: string | undefined;
}

export interface FormattedError {
  /** What goes to stderr, ending in a newline. */
  readonly text: string;
  readonly exitCode: ExitCode;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    lines.push(
      current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current),
    );
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}

function describeLedeError(error: LedeError): string[] {
  const lines = [`error: ${error.message}`];
  if (error.file !== undefined && !error.message.includes(error.file)) {
    lines.push(`  file: ${error.file}${error.line === undefined ? '' : `:${error.line}`}`);
  }
  // A field means something only inside a file; a flag or variable is already named in the message.
  if (error.file !== undefined && error.field !== undefined && !error.message.includes(error.field)) {
    lines.push(`  field: ${error.field}`);
  }
  if (error.hint !== undefined) lines.push(`  hint: ${error.hint}`);
  return lines;
}

/**
 * The one place an error becomes text. lede's own errors print their message, where, and the fix; anything else is
 * a short line (a bug, or a fault lede did not foresee). Stack traces and causes only with `--verbose`. The API key
 * and anything shaped like a credential are scrubbed from the result.
 */
export function formatError(error: unknown, options: FormatErrorOptions): FormattedError {
  const exitCode = exitCodeFor(error);
  let lines: string[];
  if (exitCode === ExitCode.interrupted) {
    const detail = error instanceof AbortedError ? error.message : 'stopped by a signal';
    lines = [`lede: interrupted (${detail}); work already written is kept`];
  } else if (error instanceof LedeError) {
    lines = describeLedeError(error);
  } else {
    const message =
      error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : firstLine(String(error));
    lines = [`error: internal error: ${message}`];
    if (!options.verbose)
      lines.push('  hint: run again with --verbose for details, and report it if it persists');
  }
  if (options.verbose && error instanceof Error && error.stack !== undefined) {
    lines.push('', error.stack, ...causeChain(error).map((cause) => `caused by: ${cause}`));
  }
  return { text: `${scrubSecrets(lines.join('\n'), options.apiKey)}\n`, exitCode };
}
