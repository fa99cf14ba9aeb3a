import { Argument, Command } from 'commander';
import { z } from 'zod';
import { ProfileSchema } from '../../profile/profile-schema.js';
import type { CliContext } from '../cli-context.js';
import { exitCodesHelp } from '../exit-codes-help.js';

/** The JSON Schema of what a person writes in a profile file: fields with defaults are optional. */
export function profileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ProfileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'lede profile',
    description: 'A candidate profile for lede: every number, employer and tool a letter may use.',
  };
}

/** `lede schema profile`: the profile's JSON Schema, for editor completion and validation. */
export function schemaCommand(context: CliContext): Command {
  const command = new Command('schema')
    .description(
      'print the JSON Schema of a lede file, for editor completion (e.g. lede schema profile > profile.schema.json)',
    )
    .addArgument(new Argument('<name>', 'which schema').choices(['profile']))
    .option('--json', 'accepted for symmetry: the output is JSON anyway');
  command.addHelpText('after', exitCodesHelp);
  command.action(() => {
    context.io.stdout(`${JSON.stringify(profileJsonSchema(), null, 2)}\n`);
  });
  return command;
}
