import { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { addEngineOptions } from '../engine-options.js';
import { ExitCode } from '../exit-code.js';
import { exitCodesHelpFor } from '../exit-codes-help.js';
import { industryHelp } from '../industry-option.js';
import { addPostingSourceOptions } from '../posting-source-options.js';
import { addReadingOptions } from '../reading-options.js';
import type { CheckFlags } from './run-check.js';

// Nothing is written but stdout: no 4. A model is called only with --engine openai (3), and only then can Ctrl-C
// stop work in flight (130).
const checkExitCodes = exitCodesHelpFor([
  ExitCode.ok,
  ExitCode.rulesFailed,
  ExitCode.badInput,
  ExitCode.llmFailed,
  ExitCode.interrupted,
]);

/**
 * `lede check <letter>`: the critic alone. The posting's analysis (industry, company, hook, tools) comes from the
 * analysis stage (one reading of the posting); unlike the other commands, check defaults to the offline engine, so
 * checking a letter never needs a key, costs nothing and gives the same verdict every time (`--engine openai` to use
 * the model).
 */
export function checkCommand(context: CliContext): Command {
  const command = new Command('check')
    .description('check a letter against the rules (the critic alone), with the evidence for each finding')
    .argument('<letter>', 'the letter (.txt or .md), or - for standard input')
    .option(
      '--posting <file>',
      'the posting it answers (a file, an http(s):// address, or -); without it, rules that need one are skipped and listed',
    )
    .option('--profile <file>', 'your profile; without it, rules that need one are skipped and listed')
    .option(
      '--industry <name>',
      industryHelp('apply this industry playbook (default: classified from --posting, else general)'),
    )
    .option('--max-words <n>', 'word limit for the letter body (default: 250; env LEDE_MAX_WORDS)')
    .option('--json', 'print { passed, industry, findings, skipped } as JSON');
  addReadingOptions(command);
  addPostingSourceOptions(command);
  addEngineOptions(command);
  command.addHelpText(
    'after',
    `\nThe posting is analysed with the offline engine unless --engine (or LEDE_ENGINE) says otherwise.\n${checkExitCodes}`,
  );
  command.action(async (letterArgument: string, flags: CheckFlags, self: Command) => {
    const { runCheck } = await import('./run-check.js');
    await runCheck(letterArgument, flags, self, context);
  });
  return command;
}
