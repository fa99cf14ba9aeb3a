import { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { ExitCode } from '../exit-code.js';
import { exitCodesHelpFor } from '../exit-codes-help.js';
import type { InitFlags } from './run-init.js';

export { starterProfilePath } from '../starter-profile-path.js';

/**
 * `lede init [--from <resume>] [--out profile.yaml] [--force]`: writes a commented starter profile, or a profile
 * drafted from a resume, never over an existing file unasked.
 */
export function initCommand(context: CliContext): Command {
  const command = new Command('init')
    .description('write a commented starter profile to fill in, or draft one from your resume (--from)')
    .option(
      '--from <resume>',
      'draft the profile from a resume (.pdf, .docx, .md or .txt): every value copied from it',
    )
    .option('--out <file>', 'where to write it', 'profile.yaml')
    .option('--force', 'overwrite the file if it exists')
    .option('--json', 'print { "written": <path> } as JSON');
  command.addHelpText('after', exitCodesHelpFor([ExitCode.ok, ExitCode.badInput, ExitCode.outputFailed]));
  command.action(async (flags: InitFlags) => {
    // The resume reader, PDF.js and the YAML checker load only when init runs, never for `lede --help`.
    const { runInit } = await import('./run-init.js');
    await runInit(flags, context);
  });
  return command;
}
