import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { packageRoot } from '../package-root.js';
import type { CliContext } from './cli-context.js';
import { batchCommand } from './commands/batch.js';
import { checkCommand } from './commands/check.js';
import { classifyCommand } from './commands/classify.js';
import { completionCommand } from './commands/completion.js';
import { draftCommand } from './commands/draft.js';
import { evalCommand } from './commands/eval.js';
import { initCommand } from './commands/init.js';
import { reviewCommand } from './commands/review.js';
import { schemaCommand } from './commands/schema.js';
import { exitCodesHelp } from './exit-codes-help.js';

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Commands are built standalone; they take the program's output, exit and help settings, subcommands included. */
function inherit(command: Command, parent: Command): Command {
  command.copyInheritedSettings(parent);
  for (const child of command.commands) inherit(child, command);
  return command;
}

/**
 * The whole CLI as a commander program, built from the command handlers around one context, so tests run it
 * in-process with captured output. Commander never exits the process: usage errors throw (`exitOverride`).
 */
export function buildProgram(context: CliContext): Command {
  const program = new Command('lede')
    .description(
      'Tailored, rule-checked machine learning engineer cover letters: classify the posting, find its hook, draft from ' +
        'your profile, check the letter against the rules, revise.',
    )
    .version(packageVersion(), '-V, --version')
    .option(
      '--config <file>',
      'config file (default: lede.config.json or lede.config.yaml in the current folder)',
    )
    .option('--verbose', 'print the resolved config (key redacted) and stack traces (env LEDE_VERBOSE)')
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', exitCodesHelp);
  const commands = [
    draftCommand(context),
    batchCommand(context),
    classifyCommand(context),
    checkCommand(context),
    reviewCommand(context),
    initCommand(context),
    schemaCommand(context),
    completionCommand(context),
  ];
  for (const command of commands) program.addCommand(inherit(command, program));
  // For lede's developers (it needs the repository's datasets/): kept out of the user's `lede --help`.
  program.addCommand(inherit(evalCommand(context), program), { hidden: true });
  return program;
}
