import { ExitCode } from './exit-code.js';

/** What each exit code means, as the help shows it. */
const meanings: Record<ExitCode, string> = {
  [ExitCode.ok]: 'success',
  [ExitCode.rulesFailed]: 'a letter fails an error-level rule',
  [ExitCode.badInput]:
    'bad usage or input: a flag, a missing or invalid file (posting, profile, letter, playbook)',
  [ExitCode.llmFailed]: 'the model endpoint failed (auth, quota, unknown model, refusal, unusable answers)',
  [ExitCode.outputFailed]: 'writing output failed (permissions, disk full)',
  [ExitCode.interrupted]: 'interrupted (Ctrl-C or SIGTERM)',
};

/**
 * The exit-code table at the end of a command's `--help`, listing only the codes that command can end with: a
 * script author reads it to decide what to handle.
 */
export function exitCodesHelpFor(codes: readonly ExitCode[]): string {
  const rows = codes.map((code) => `  ${String(code).padEnd(4)} ${meanings[code]}`);
  return `\nExit codes:\n${rows.join('\n')}`;
}

/** Every exit code, for `lede --help` and the commands that can end with any of them (draft, batch). */
export const exitCodesHelp = exitCodesHelpFor(Object.values(ExitCode));
