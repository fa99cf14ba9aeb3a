import { Argument, Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-code.js';
import { exitCodesHelpFor } from '../exit-codes-help.js';

/** `lede schema profile`: the profile's JSON Schema, for editor completion and validation. */
export function schemaCommand(context: CliContext): Command {
  const command = new Command('schema')
    .description(
      'print the JSON Schema of a lede file, for editor completion (e.g. lede schema profile > profile.schema.json)',
    )
    .addArgument(new Argument('<name>', 'which schema').choices(['profile']))
    .option('--json', 'accepted for symmetry: the output is JSON anyway');
  command.addHelpText('after', exitCodesHelpFor([ExitCode.ok, ExitCode.badInput]));
  command.action(async () => {
    const { profileJsonSchema } = await import('../profile-json-schema.js');
    context.io.stdout(`${JSON.stringify(profileJsonSchema(), null, 2)}\n`);
  });
  return command;
}
