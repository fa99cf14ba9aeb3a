import { Argument, Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-code.js';
import { exitCodesHelpFor } from '../exit-codes-help.js';
import { type CompletionShell, completionScript, completionShells } from '../shell-completion.js';

/** `lede completion bash|zsh|fish`: a script that completes lede's commands, options and files in that shell. */
export function completionCommand(context: CliContext): Command {
  const command = new Command('completion')
    .description('print a shell completion script (e.g. source <(lede completion bash) in ~/.bashrc)')
    .addArgument(new Argument('<shell>', 'the shell').choices([...completionShells]));
  command.addHelpText('after', exitCodesHelpFor([ExitCode.ok, ExitCode.badInput]));
  command.action((shell: CompletionShell, _flags: unknown, self: Command) => {
    context.io.stdout(completionScript(shell, self.parent ?? self));
  });
  return command;
}
