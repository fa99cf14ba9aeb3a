/** Process exit codes, documented in `lede --help` and the README. Only the CLI turns an outcome into one. */
export const ExitCode = {
  ok: 0,
  /** The letter (or at least one letter in a batch) fails an error-level rule; an eval regressed. */
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
