import { ExitCode } from './exit-code.js';

/** The exit-code table every command shows at the end of its `--help`. */
export const exitCodesHelp = `
Exit codes:
  ${ExitCode.ok}    success
  ${ExitCode.rulesFailed}    a letter fails an error-level rule
  ${ExitCode.badInput}    bad usage or input: a flag, a missing or invalid file (posting, profile, letter, playbook)
  ${ExitCode.llmFailed}    the model endpoint failed (auth, quota, unknown model, refusal, unusable answers)
  ${ExitCode.outputFailed}    writing output failed (permissions, disk full)
  ${ExitCode.interrupted}  interrupted (Ctrl-C or SIGTERM)`;
