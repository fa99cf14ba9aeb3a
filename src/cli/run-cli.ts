import { CommanderError } from 'commander';
import { apiKeyFrom, wantsVerbose } from '../config/early-environment.js';
import { isSecretKey, scrubSecrets } from '../engines/openai/scrub-secrets.js';
import { printableText } from '../input/printable-name.js';
import type { CliContext, CliIo } from './cli-context.js';
import { ExitCode } from './exit-code.js';
import { formatError } from './format-error.js';
import { buildProgram } from './program.js';

/** The exact key only: credential-shaped patterns could mangle a letter's own words. */
function withoutKey(text: string, apiKey: string | undefined): string {
  return isSecretKey(apiKey) ? text.split(apiKey).join('[redacted]') : text;
}

/**
 * Runs one command line (without the node and script arguments) and returns the exit code. Every error becomes text
 * here, through `formatError`; commands report "letter failed its rules" through `context.setExitCode`. The API key
 * is scrubbed from everything written.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<ExitCode> {
  const apiKey = apiKeyFrom(context.env);
  const io: CliIo = {
    // Nothing lede prints may carry a terminal escape: file names, postings and a model's letters are all hostile text.
    stdout: (text) => context.io.stdout(printableText(withoutKey(text, apiKey))),
    stderr: (text) => context.io.stderr(printableText(scrubSecrets(text, apiKey))),
    isTty: context.io.isTty,
    // A DOCX or PDF is bytes: escaping control characters in it would break the file.
    stdoutBytes: context.io.stdoutBytes,
    stdoutIsTty: context.io.stdoutIsTty,
  };
  let exitCode: ExitCode = ExitCode.ok;
  const setExitCode = (code: ExitCode): void => {
    if (code > exitCode) exitCode = code;
  };
  const program = buildProgram({ ...context, io, setExitCode });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    if (context.signal?.aborted === true) setExitCode(ExitCode.interrupted);
    return exitCode;
  } catch (error) {
    // Commander already printed its usage message; --help and --version end here too.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    const formatted = formatError(error, { verbose: wantsVerbose(argv, context.env), apiKey });
    io.stderr(formatted.text);
    return formatted.exitCode;
  }
}
