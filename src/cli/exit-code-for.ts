import { AbortedError, ConfigError, InputError, LlmError, OutputError } from '../errors.js';
import { ExitCode } from './exit-code.js';

function isAbort(error: unknown): boolean {
  return (
    error instanceof AbortedError ||
    (error instanceof Error && error.name === 'AbortError') ||
    (typeof DOMException !== 'undefined' && error instanceof DOMException && error.name === 'AbortError')
  );
}

/** The exit code an error ends lede with: one per error family; a signal's abort is an interruption. */
export function exitCodeFor(error: unknown): ExitCode {
  if (isAbort(error)) return ExitCode.interrupted;
  if (error instanceof ConfigError || error instanceof InputError) return ExitCode.badInput;
  if (error instanceof LlmError) return ExitCode.llmFailed;
  if (error instanceof OutputError) return ExitCode.outputFailed;
  // No exit code fits an unforeseen fault; 1 is what Node uses for an uncaught exception.
  return ExitCode.rulesFailed;
}
