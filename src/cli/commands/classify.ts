import { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { addEngineOptions } from '../engine-options.js';
import { ExitCode } from '../exit-code.js';
import { exitCodesHelpFor } from '../exit-codes-help.js';
import { addPostingSourceOptions, postingArgumentHelp } from '../posting-source-options.js';
import { addReadingOptions } from '../reading-options.js';
import type { ClassifyFlags } from './run-classify.js';

/**
 * `lede classify <posting...>`: the industry, company and hook of each posting. An unreadable posting is reported
 * and the others still run; the exit code is then 2.
 */
export function classifyCommand(context: CliContext): Command {
  const command = new Command('classify')
    .description("show each posting's industry, company and hook (what a letter would be tailored to)")
    .argument('<posting...>', `${postingArgumentHelp} (one or more)`)
    .option('--json', 'print one JSON object per posting, one per line');
  addReadingOptions(command);
  addPostingSourceOptions(command);
  addEngineOptions(command);
  // Nothing is written but stdout, and no letter is judged: no 1 and no 4.
  command.addHelpText(
    'after',
    exitCodesHelpFor([ExitCode.ok, ExitCode.badInput, ExitCode.llmFailed, ExitCode.interrupted]),
  );
  command.action(async (postingArguments: string[], flags: ClassifyFlags, self: Command) => {
    const { runClassify } = await import('./run-classify.js');
    await runClassify(postingArguments, flags, self, context);
  });
  return command;
}
